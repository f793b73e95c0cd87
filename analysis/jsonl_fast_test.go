package analysis

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

// checkScanRecord checks that when scanRecord decodes b, encoding/json
// decodes it too, to the same members, raw and as strings.
func checkScanRecord(t *testing.T, b []byte) bool {
	t.Helper()
	rec, ok := scanRecord(b)
	if !ok {
		return false
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("scanRecord accepts %q, encoding/json fails: %v", b, err)
	}
	if got, w := slices.Sorted(maps.Keys(rec.raw)), slices.Sorted(maps.Keys(want)); !slices.Equal(got, w) {
		t.Fatalf("%q: members %q, encoding/json %q", b, got, w)
	}
	for k, raw := range want {
		if !bytes.Equal(rec.raw[k], raw) {
			t.Fatalf("%q: member %q is %q, encoding/json %q", b, k, rec.raw[k], raw)
		}
		ws, wok := jsonString(raw)
		s, ok := rec.str[k]
		if ok != wok || s != ws {
			t.Fatalf("%q: member %q decodes to %q (%v), encoding/json %q (%v)", b, k, s, ok, ws, wok)
		}
	}
	return true
}

func TestScanRecord(t *testing.T) {
	for _, tc := range []struct {
		in   string
		fast bool // decoded without encoding/json
	}{
		{`{}`, true},
		{`{ "id" : "a1" , "text":"Satu\n\nDua \"kutip\" \\ \/ \t caf\u00e9 \u20ac"}`, true},
		{`{"id": 42, "outlet": {"name": "CNA", "x": [1, "}", {"a": null}]}, "ok": true, "n": -1.5e3, "z": null}`, true},
		{`{"text": "a", "text": 7}`, true},
		{`{"text": 7, "text": "b"}`, true},
		{"{\"text\": \"kata \u2018itu\u2019 \U0001F600\"}", true},
		{`{"text": "\ud83d\ude00"}`, false}, // surrogates
		{`{"te\u0078t": "a"}`, false},       // an escaped key
		{"{\"text\": \"caf\xe9\"}", false},  // invalid UTF-8
		{"{\"text\": \"a\tb\"}", false},     // a raw control character
		{`{"text": "a"} x`, false},          // trailing text
		{`{"text": "a",}`, false},           // a trailing comma
		{`{"text": 01}`, false},             // not a number
		{`{"text": "a" "b": 1}`, false},     // a missing comma
		{`{"text": "\x"}`, false},           // a bad escape
		{`{"text": "\u12"}`, false},         // a short escape
		{`{"a": [1, 2}`, false},             // unbalanced
		{`{"a": tru}`, false},               // a bad literal
		{`{"a"}`, false},                    // no value
		{`{"a": "b"`, false},                // not closed
	} {
		if got := checkScanRecord(t, []byte(tc.in)); got != tc.fast {
			t.Errorf("scanRecord(%s) decoded: %v, want %v", tc.in, got, tc.fast)
		}
	}
}

// FuzzScanRecord checks scanRecord against encoding/json on any line.
func FuzzScanRecord(f *testing.F) {
	for _, s := range []string{
		`{"id": "a1", "outlet": "Beritabali", "text": "Teks\nA \"x\" \u00e9", "title": "A"}`,
		`{"id": 42, "publisher": {"name": "CNA"}, "body": "Teks D", "text": ""}`,
		`{"text": "\u0000\ud800", "id": -1.5e3, "outlet": {"name": 3}, "a": [{"b": "]"}]}`,
		"{\"text\": \"caf\xe9\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b := bytes.TrimSpace(data)
		if len(b) > 0 && b[0] == '{' {
			checkScanRecord(t, b)
		}
	})
}
