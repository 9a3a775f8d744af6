#!/usr/bin/env python3
"""Turns CustomResourceDefinitions into the JSON schemas tests/book/manifests.rs validates with.

usage: crd_to_schema.py OUT_DIR CRD.yaml...

For every served version of every CRD in the files it writes OUT_DIR/<group>/<kind>_<version>.json
(kind lowercased), the version's openAPIV3Schema made strict the way kube-apiserver's strict field
validation is: an object with `properties` and no `additionalProperties` or
`x-kubernetes-preserve-unknown-fields` gets `additionalProperties: false`; `nullable` becomes a null
type; `apiVersion` and `kind` must be this version's. Descriptions and the keywords JSON Schema
doesn't know (CEL rules, list types, ...) are dropped, so CEL validations are not checked.
"""

import json
import os
import sys

import yaml

DROP = {"description", "example", "externalDocs"}


def strict(node):
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in DROP or key.startswith("x-kubernetes-"):
            continue
        if key == "properties":
            out[key] = {name: strict(sub) for name, sub in value.items()}
        else:
            out[key] = strict(value)
    if node.get("nullable"):
        out.pop("nullable", None)
        if "type" in out:
            out["type"] = [out["type"], "null"]
    preserve = node.get("x-kubernetes-preserve-unknown-fields")
    if "properties" in node and "additionalProperties" not in node and not preserve:
        out["additionalProperties"] = False
    return out


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    for path in files:
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d]
        for crd in docs:
            if crd.get("kind") != "CustomResourceDefinition":
                continue
            group = crd["spec"]["group"]
            kind = crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if not version.get("served"):
                    continue
                schema = strict(version["schema"]["openAPIV3Schema"])
                props = schema.setdefault("properties", {})
                props["apiVersion"] = {"enum": [f"{group}/{version['name']}"]}
                props["kind"] = {"enum": [kind]}
                schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind"})
                schema["$schema"] = "http://json-schema.org/draft-07/schema#"
                target = os.path.join(out_dir, group, f"{kind.lower()}_{version['name']}.json")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w") as f:
                    json.dump(schema, f, indent=1, sort_keys=True)
                    f.write("\n")
                print(target)


if __name__ == "__main__":
    main()
