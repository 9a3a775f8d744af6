use super::*;

/// `simple` answers, and exactly as serde_yaml does.
fn agrees(text: &str) -> Value {
    let fast = simple(text).unwrap_or_else(|| panic!("not read: {text:?}"));
    let slow: Value = serde_yaml::from_str(text).unwrap();
    assert_eq!(fast, slow, "{text:?}");
    fast
}

/// `simple` leaves it to serde_yaml.
fn declines(text: &str) {
    assert_eq!(simple(text), None, "{text:?}");
}

#[test]
fn reads_a_typical_post() {
    let v = agrees(
        "title: \"Services and kube-proxy\"\ndescription: How a stable name reaches pods, an intro.\nslug: kubernetes-services\ndate: 2025-03-10 09:00:00+0000\nlastmod: 2025-03-11T10:30:00Z\ncategories:\n- kubernetes\ntags: [networking, 'dns']\nweight: 7\ndraft: false\naliases:\n  - /old/services/\n\nlinks:\n- title: Service\n  description: The Kubernetes documentation on Services.\n  website: https://kubernetes.io/docs/concepts/services-networking/service/\n# a comment\n- title: DNS\n  website: https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/\nimage:\n",
    );
    assert_eq!(v["weight"], 7);
    assert_eq!(v["links"][1]["title"], "DNS");
    assert_eq!(v["image"], Value::Null);
}

#[test]
fn types_scalars_as_serde_yaml_does() {
    for value in [
        "7",
        "0",
        "007",
        "-3",
        "+4",
        "1.5",
        ".5",
        "1e3",
        "0x1F",
        "0o17",
        "1_000",
        "12:30",
        "2025-01-02",
        "2025",
        "v1.2",
        "null",
        "Null",
        "~",
        "TRUE",
        "False",
        "yes",
        "no",
        "on",
        "NaN",
        ".nan",
        ".inf",
        "-.inf",
        "inf",
        "Infinity",
        "-foo",
        "9223372036854775808",
        "1.0.0",
        "1-2",
        "3e",
        "a'b",
        "a\"b",
        "a#b",
        "http://x/y?z=1#f",
        "😀 emoji",
        "two  spaces",
    ] {
        agrees(&format!("k: {value}\n"));
    }
    // Too big for any number type: left to serde_yaml, which knows what to make of it.
    declines("k: 99999999999999999999\n");
    assert_eq!(agrees("k: 2025-01-02\n")["k"], "2025-01-02");
    assert_eq!(agrees("k: 007\n")["k"], "007");
    assert_eq!(agrees("k: 1.5\n")["k"], 1.5);
}

#[test]
fn declines_what_it_is_not_sure_of() {
    for text in [
        "",
        "# only a comment\n",
        "k: \"esc\\\"aped\"\n",
        "k: |\n  block\n",
        "k: >\n  folded\n",
        "k: &a x\nj: *a\n",
        "k: !!str 5\n",
        "k: a\n  continued\n",
        "k: value # comment\n",
        "k:\n  nested: map\n",
        "k: v\nk: w\n",
        "k:\r\n- a\r\n",
        "k:\t v\n",
        "k: [a, [b]]\n",
        "k: [a, b,]\n",
        "k: {a: b}\n",
        "- a\n- b\n",
        "k:\n- a\n  - b\n",
        "k:\n-   a\n",
        "k:\n- t: x\n    deeper: y\n",
        "null: x\n",
        "k: \"unclosed\n",
        "k: a: b\n",
        "k: ---\n",
    ] {
        declines(text);
    }
    // Only spaces are YAML's whitespace: a no-break space stays.
    assert_eq!(agrees("k: x\u{a0}\n")["k"], "x\u{a0}");
}
