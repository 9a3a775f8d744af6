#!/usr/bin/env python3
"""Validates the documents of YAML files whose kind has a schema here; run by tests/book/manifests.rs.

usage: validate.py SCHEMA_DIR FILE...

A document with apiVersion GROUP/VERSION and kind KIND is validated against
SCHEMA_DIR/GROUP/<kind lowercased>_VERSION.json when that file exists (JSON Schema draft 7, with
jsonschema, which kubernetes-validate installs). One line per such document on standard output:
`PASS <file> <apiVersion> <kind>` or `FAIL <file> <apiVersion> <kind>: <path>: <message>` (one line
per error). Documents without a schema here are not mentioned: the caller knows which it handed over.
"""

import json
import os
import sys

import jsonschema
import yaml


def main():
    schema_dir, files = sys.argv[1], sys.argv[2:]
    for path in files:
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
        for doc in docs:
            api_version, kind = str(doc.get("apiVersion", "")), str(doc.get("kind", ""))
            if "/" not in api_version:
                continue
            group, version = api_version.split("/", 1)
            schema_path = os.path.join(schema_dir, group, f"{kind.lower()}_{version}.json")
            if not os.path.isfile(schema_path):
                continue
            with open(schema_path) as f:
                schema = json.load(f)
            errors = sorted(
                jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path)
            )
            for error in errors:
                where = ".".join(str(p) for p in error.path) or "(top)"
                print(f"FAIL {path} {api_version} {kind}: {where}: {error.message}")
            if not errors:
                print(f"PASS {path} {api_version} {kind}")


if __name__ == "__main__":
    main()
