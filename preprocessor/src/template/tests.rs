use super::*;

/// A host with no markdown renderer and no partials.
struct Bare;
impl Host for Bare {}

fn render(src: &str) -> String {
    match Template::parse("t.html", src) {
        Ok(t) => match t.exec(&Value::Nil, &Bare) {
            Ok(s) => s,
            Err(e) => format!("EXEC: {e}"),
        },
        Err(e) => format!("PARSE: {e}"),
    }
}

#[test]
fn smoke() {
    for src in [
        r#"{{ eq 1 1.0 }} {{ lt 1 "a" }} {{ eq "a" 1 }} {{ $d := dict "aB" 1 }}[{{ $d.ab }}|{{ $d.aB }}] <!-- c --> {{ 1000000.0 }} {{ slice 1 nil }}"#,
        r#"{{ eq 1 1 }}|{{ eq 1.5 1.5 }}|{{ eq (int "1") 1.0 }}|{{ lt 1 2.5 }}|{{ eq "a" "a" "b" }}|{{ eq "b" "a" "b" }}|{{ ne 1 "1" }}|{{ lt "a" "b" }}|{{ gt 3 2 }}|{{ ge 2 2.0 }}|{{ eq nil nil }}|{{ lt nil 1 }}|{{ eq true true }}|{{ lt "2" 10 }}"#,
        r#"{{ index (slice 1 2) 5 }}|a < b and <b>x</b> <!-- gone -->|{{ seq 3 }}|{{ default "d" "" }}|{{ default "d" 0 }}|{{ default "d" false }}|{{ cond true 1 2 }}|{{ title "the lord of the rings: a tale" }}|{{ humanize "my-first_post" }}|{{ humanize 3 }}|{{ urlize "Hello World & Co!" }}|{{ anchorize "Hello World & Co!" }}|{{ plainify "<b>x</b> y" }}|{{ jsonify (dict "b" 1 "a" "<x>") }}|{{ htmlEscape "<a&\"" }}|{{ htmlUnescape "&lt;b&gt;&amp;amp;" }}|{{ after 1 (slice 1 2 3) }}|{{ first 2 (slice 1 2 3) }}|{{ last 1 (slice 1 2 3) }}|{{ in (slice 1 2) 2 }}|{{ in "abc" "b" }}|{{ delimit (slice 1 2 3) ", " " and " }}|{{ split "a,b" "," }}|{{ add 1 2 }} {{ add 1 2.5 }} {{ sub 5 2 }} {{ mul 2 3 }} {{ div 7 2 }} {{ div 7.0 2 }} {{ mod 7 3 }}|{{ int "12" }} {{ float "1.5" }} {{ string 12 }}|{{ add "a" "b" }}"#,
        r#"{{ $h := "\"><script>alert(1)</script>" }}{{ $j := "javascript:alert(1)" }}<a href="{{ $j }}" title="{{ $h }}" data-x={{ $h }} onclick="f({{ $h }})" style="color: {{ $h }}">{{ $h }}</a>
<a href="/s?q={{ $h }}&x={{ 1 }}">q</a> <a href="{{ "/a b/ü?x=1&y=<" }}">n</a> <a href={{ "mailto:x@y" }}>m</a> <img src="{{ "JAVASCRIPT:x" | safeURL }}"> <a href="{{ "http://x/a b" | safeURL }}">s</a>
<div {{ "class=\"x\"" | safeHTMLAttr }}>a</div> <div {{ "title" }}="v">b</div> <div style="{{ "red" }}" class="{{ safeHTML "<b>x</b> & y" }}">c</div>
<script>var a = {{ $h }}; var b = "{{ $h }}"; var c = {{ dict "k" 1 }}; var d = {{ 1.5 }}; var r = /{{ "a.b" }}/; var s = `{{ "x" }}`;</script>
<style>p { color: {{ "red" }}; background: url("{{ $j }}"); font: {{ "a;b" }} }</style>
<textarea>{{ $h }}</textarea><title>{{ safeHTML "<b>t</b>" }}</title> <!-- {{ $h }} --> <p title={{ "a b" }}>x</p> <p srcset="{{ "a.png 1x, javascript:x 2x" }}">"#,
        r#"{{ seq -3 }}|{{ seq 0 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 1 2 8 }}|{{ plainify "<p>a</p><p>b<br>c</p>" }}|{{ print 1 2 "a" "b" 3 }}|{{ println 1 "a" }}|{{ printf "%5.2f|%-4d|%x|%q|%v|%s|%d|%t|%05d|%+d|%e|%g|%T" 3.14159 7 255 "a\"b" (slice 1 "x") 5 "s" true 42 3 1234.5 0.00001 1.5 }}"#,
        r#"<script>var b = "{{ "\"&'+/<>\\ \t\v\n\u2028=`" }}"; var r = /{{ "a.b\"&+" }}/; var n = {{ "" }};</script><a onclick="x({{ 1 }})">{{ html "<a'+>" }}</a>|{{ urlquery "a b&c/d~é" }}|<p style="x: {{ "a;b" }}"></p><style>a{b:"{{ "x\"(y" }}"}</style><p class={{ "a b=c" }}></p>"#,
    ] {
        println!("{}\n-----", render(src));
    }
}

mod bench;
mod hugo;
