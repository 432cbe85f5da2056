"""English messages. Keys are message ids; placeholders are filled from a problem's arguments."""

MESSAGES: dict[str, str] = {
    # vocabulary used inside other messages
    "word.text": "text",
    "word.choice": "one of the listed values",
    "word.date": "a date (YYYY-MM-DD)",
    "word.integer": "a whole number",
    "word.list": "a list",
    "word.mapping": "a mapping (key: value)",
    "word.text-or-mapping": "text or a mapping",
    "word.empty": "an empty value",
    "word.boolean": "a yes/no value",
    "word.number": "a number",
    "word.datetime": "a date with a time",
    "word.other": "something else",
    "word.slug": "lowercase letters, digits and single hyphens",
    "word.url": "a web address starting with http:// or https://",
    "word.digits": "digits only",
    "word.kode": "a Kemendagri code such as 34.04.07.2003",
    "word.rule": "a rule id",
    "hint.suggestion": " (did you mean `{suggestion}`?)",
    "hint.tab": " YAML does not allow tabs for indentation: use spaces.",
    # file
    "unexpected-file": "this .yaml file is outside organisasi/ and kegiatan/, so it is not checked;"
    " move it into one of them",
    "unsafe-path.symlink": "symbolic link: not followed and not read;"
    " replace it with the file itself",
    "unsafe-path.special": "not a regular file (a {what}); not opened",
    "unsafe-path.outside": "resolves outside the records folder; not read",
    "file-too-large": "file is {size} bytes, over the limit of {limit} bytes; not read",
    "encoding": "not valid UTF-8 (byte 0x{byte}); save the file as UTF-8",
    "encoding.utf16": "the file is UTF-16; save it as UTF-8",
    # yaml
    "yaml-syntax": "YAML syntax error: {detail}",
    "yaml-syntax.char": "character {code} is not allowed in a YAML file",
    "too-deep": "nested more than {max} levels deep; records are never this deep",
    "several-documents": "a second YAML document (---) in one file; one record per file",
    "duplicate-key": "key `{key}` appears twice (first on line {first}); keep one",
    "duplicate-key.synonym": "`{key}` and `{other}` mean the same; keep one of them",
    "yaml-alias.anchor": "anchor &{name}: anchors and aliases are not allowed in records;"
    " write the value out",
    "yaml-alias.alias": "alias *{name}: anchors and aliases are not allowed in records;"
    " write the value out",
    "yaml-alias.merge": "merge key `<<` is not allowed in records; write the keys out",
    "yaml-tag": "explicit tag {tag} is not allowed in records; remove it",
    "not-a-mapping": "the top of a record must be a mapping (key: value), not {got}",
    "not-a-mapping.empty": "the file is empty; a record is a mapping (key: value)",
    "complex-key": "a key must be plain text, not a list or mapping",
    "bad-scalar.date": "`{text}` is not a real date ({detail})",
    "bad-scalar.number": "`{text}` cannot be read as a number ({detail}); quote it if it is text",
    # schema
    "unknown-field": "unknown field `{field}`",
    "missing-field": "required field `{field}` is missing",
    "missing-field.one-of": "`{field}` needs at least one of {keys}",
    "wrong-type": "`{field}` must be {expected}, not {got}",
    "wrong-type.quote": "`{field}` must be {expected}, but YAML read {raw} as {got};"
    ' put it in quotes: "{raw}"',
    "invalid-value.blank": "`{field}` is blank",
    "invalid-value.too-long": "`{field}` is longer than {max} characters",
    "invalid-value.pattern": "`{field}` value `{value}` must be {pattern}",
    "invalid-value.choice": "`{field}` value `{value}` is not allowed; allowed: {allowed}",
    "invalid-value.date": "`{field}` value `{value}` is not a real date",
    "invalid-value.range": "`{field}` value {value} is out of range ({min}..{max})",
    "invalid-value.rule": "`{field}`: no rule is called `{value}`",
    # records
    "id-mismatch": "id `{id}` must equal the file name `{expected}`",
    "id-mismatch.date": "id starts with {prefix} but tanggal is {tanggal}",
    "id-mismatch.missing": "the record has no usable id; it should be `{expected}`",
    "duplicate-id": "{kind} id `{id}` is also used by {other}",
    "unknown-reference": "no organisation has id `{target}`",
    "date-order": "`{later}` ({end}) is before `{earlier}` ({start})",
    # completeness
    "missing-jabatan": "this WKSBM has no active {jabatan}",
    "multiple-ketua": "more than one active ketua (the first is {first})",
    "sk-missing": "this WKSBM has no SK (decree) recorded",
    "sk-expired": "the SK expired on {date}",
    "no-unsur": "no unsur (member elements) recorded",
    "never-trained": "active WKSBM not named as participant of any event",
    # privacy
    "personal-nik": "looks like a NIK ({masked}); a NIK must never be in the records",
    "personal-phone": "personal mobile number ({masked}) in public records; remove it"
    " (or set privasi: internal for a private repository)",
    "personal-email": "personal e-mail address ({masked}) in public records; remove it"
    " (an organisation's address belongs under kontak)",
    # waivers
    "waiver-expired": "the waiver of `{rule}` ended on {date}: fix the problem or renew the waiver",
    "waived": "waived until {date}: {reason}",
    # config
    "config.prefix": "configuration {file}:{line}:{column}: ",
    # regions
    "region.unknown": "{label} `{name}` does not exist there",
    "region.ambiguous": "{label} `{name}` exists in several places ({found}); give the level above",
    "region.mismatch": "{label} `{name}` is not inside the region given; it is at {found}",
    "region.kode-unknown": "region code `{name}` does not exist",
    "region.kode-mismatch": "region code `{name}` disagrees with the names ({found})",
}
