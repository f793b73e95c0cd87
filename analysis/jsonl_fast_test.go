package analysis

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"
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

// scanStringPlain is scanString a byte at a time, as it was before it
// skipped eight bytes at a time.
func scanStringPlain(b []byte, i int) (int, bool) {
	simple := true
	for j := i + 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return j + 1, simple
		case c == '\\':
			simple = false
			j++
		case c < 0x20:
			return -1, false
		}
	}
	return -1, false
}

// jsonUnquotePlain is jsonUnquote through encoding/json: the string
// decoded when scanString finds it well formed and it has none of the
// escapes jsonUnquote leaves to encoding/json (ok false).
func jsonUnquotePlain(s []byte) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+6 > len(s) {
					return "", false
				}
				r, err := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
				if err != nil || 0xD800 <= r && r < 0xE000 {
					return "", false
				}
			default:
				return "", false
			}
			i++
		}
	}
	var out string
	if json.Unmarshal(append(append([]byte{'"'}, s...), '"'), &out) != nil {
		return "", false
	}
	return out, true
}

// FuzzScanString checks scanString against scanStringPlain, and
// jsonUnquote against encoding/json on the strings scanString finds, at
// every start in data.
func FuzzScanString(f *testing.F) {
	for _, s := range []string{
		`"Satu\n\nDua \"kutip\" \\ \/ \t caf\u00e9 \u20ac panjang sekali ya" x`,
		"\"abcdefgh\\\"ijklmnop\x01\"",
		`"\ud83d" "\u00" "\q" "abc\`,
		"\"caf\xc3\xa9 \xe2\x80\x9ckata\xe2\x80\x9d\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for i := range b {
			if b[i] != '"' {
				continue
			}
			end, simple := scanString(b, i)
			wend, wsimple := scanStringPlain(b, i)
			if end != wend || simple != wsimple {
				t.Fatalf("scanString(%q, %d) = %d, %v; plain %d, %v", b, i, end, simple, wend, wsimple)
			}
			if end < 0 || !utf8.Valid(b[i:end]) {
				continue
			}
			got, ok := jsonUnquote(b[i+1:end-1], simple)
			want, wok := jsonUnquotePlain(b[i+1 : end-1])
			if ok != wok || got != want {
				t.Fatalf("jsonUnquote(%q) = %q, %v; encoding/json %q, %v", b[i+1:end-1], got, ok, want, wok)
			}
		}
	})
}
