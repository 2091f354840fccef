-- The keyless website provider: what a company's home page says of it. Asked after the
-- email-domain provider (position 0), so that paid providers placed after it are asked only for
-- what the company's own site does not say.
INSERT INTO enrichment_provider
    (provider_id, provider_type, position, enabled, settings, origin, updated_at)
SELECT 'website', 'website', 10, true, '{}', 'default', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM enrichment_provider WHERE provider_id = 'website');

-- The company's own site and its accounts, as its home page links them. Skipped where an import
-- file defined an attribute of that key already.
INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
SELECT 'company_website', 'url', 'public', true
WHERE NOT EXISTS (SELECT 1 FROM attribute WHERE attribute_key = 'company_website');
INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
SELECT 'company_linkedin', 'url', 'public', true
WHERE NOT EXISTS (SELECT 1 FROM attribute WHERE attribute_key = 'company_linkedin');
INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
SELECT 'company_twitter', 'url', 'public', true
WHERE NOT EXISTS (SELECT 1 FROM attribute WHERE attribute_key = 'company_twitter');
INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
SELECT 'company_facebook', 'url', 'public', true
WHERE NOT EXISTS (SELECT 1 FROM attribute WHERE attribute_key = 'company_facebook');
INSERT INTO attribute (attribute_key, value_type, sensitivity, builtin)
SELECT 'company_github', 'url', 'public', true
WHERE NOT EXISTS (SELECT 1 FROM attribute WHERE attribute_key = 'company_github');

INSERT INTO attribute_label (attribute_key, language, label)
SELECT k, l, t FROM (VALUES
    ('company_website', 'en', 'Company website'),
    ('company_website', 'de', 'Website des Unternehmens'),
    ('company_linkedin', 'en', 'Company on LinkedIn'),
    ('company_linkedin', 'de', 'Unternehmen auf LinkedIn'),
    ('company_twitter', 'en', 'Company on Twitter / X'),
    ('company_twitter', 'de', 'Unternehmen auf Twitter / X'),
    ('company_facebook', 'en', 'Company on Facebook'),
    ('company_facebook', 'de', 'Unternehmen auf Facebook'),
    ('company_github', 'en', 'Company on GitHub'),
    ('company_github', 'de', 'Unternehmen auf GitHub')
) AS labels (k, l, t)
WHERE NOT EXISTS (
    SELECT 1 FROM attribute_label existing WHERE existing.attribute_key = labels.k
      AND existing.language = labels.l);
