#!/usr/bin/env python3
"""Validates configuration files against Wijkmigratie's JSON Schemas with a real validator
(Python jsonschema, draft 2020-12). Used by the tests; also handy by hand:

    scripts/check-config-schemas.py SCHEMA_FOLDER KIND=FILE...   (KIND: migratie, mapping, besluiten)

YAML is read as YAML 1.2 reads it, like the tool and editors' language servers do: only true and
false are booleans ('off', 'ja', 'yes' stay text) and dates stay text. Prints one line per
mistake (file, path, message) and exits 1 when there is any, 2 when a schema itself is invalid.
"""
import json, re, sys
import yaml
import jsonschema


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def plain(value):
    if isinstance(value, dict):
        return {(str(k).lower() if isinstance(k, bool) else str(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main(argv):
    folder, pairs = argv[1], argv[2:]
    schemas = {}
    for kind in ("migratie", "mapping", "besluiten"):
        with open(f"{folder}/{kind}.schema.json", encoding="utf-8") as f:
            schemas[kind] = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schemas[kind])
        except jsonschema.SchemaError as e:
            print(f"{kind}.schema.json is not a valid schema: {e.message}")
            return 2
    mistakes = 0
    for pair in pairs:
        kind, path = pair.split("=", 1)
        with open(path, encoding="utf-8") as f:
            document = plain(yaml.load(f, Loader=Yaml12Loader))
        for error in jsonschema.Draft202012Validator(schemas[kind]).iter_errors(document):
            mistakes += 1
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            print(f"{path}: {where}: {error.message[:300]}")
    print(f"{len(pairs)} files, {mistakes} mistakes")
    return 1 if mistakes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
