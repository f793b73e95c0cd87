package analysis

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// jsonRecord is one JSON Lines record: its members as raw JSON, and the
// members that are strings already decoded (str may be nil: then each
// string is decoded from raw when asked for).
type jsonRecord struct {
	raw map[string]json.RawMessage
	str map[string]string
}

// string returns member k if it is a JSON string.
func (r jsonRecord) string(k string) (string, bool) {
	if r.str != nil {
		s, ok := r.str[k]
		return s, ok
	}
	return jsonString(r.raw[k])
}

// scanRecord decodes a JSON object in one pass over its bytes, as
// json.Unmarshal into a map of raw messages would, with its string
// members decoded too. It handles the records of real corpora: keys
// without escapes, string values with the common escapes, and other
// values (numbers, objects, arrays, literals) that json.Valid accepts. On
// anything else (invalid UTF-8, a \u escape of a surrogate, a control
// character, a syntax error) it returns ok false, and the caller decodes
// the line with encoding/json, which also words the error. b is trimmed
// of white space and starts with '{'.
func scanRecord(b []byte) (rec jsonRecord, ok bool) {
	if !utf8.Valid(b) {
		return rec, false
	}
	rec = jsonRecord{raw: map[string]json.RawMessage{}, str: map[string]string{}}
	i := skipWS(b, 1)
	if i < len(b) && b[i] == '}' {
		return rec, skipWS(b, i+1) == len(b)
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return rec, false
		}
		end, simple := scanString(b, i)
		if end < 0 || !simple {
			return rec, false // a key with escapes: rare, left to encoding/json
		}
		key := string(b[i+1 : end-1])
		i = skipWS(b, end)
		if i >= len(b) || b[i] != ':' {
			return rec, false
		}
		i = skipWS(b, i+1)
		if i >= len(b) {
			return rec, false
		}
		var vend int
		if b[i] == '"' {
			var simple bool
			if vend, simple = scanString(b, i); vend < 0 {
				return rec, false
			}
			s, ok := jsonUnquote(b[i+1:vend-1], simple)
			if !ok {
				return rec, false
			}
			rec.str[key] = s
		} else {
			if vend = skipValue(b, i); vend < 0 || !json.Valid(b[i:vend]) {
				return rec, false
			}
			delete(rec.str, key) // a later member of the same name wins
		}
		rec.raw[key] = b[i:vend:vend]
		i = skipWS(b, vend)
		if i >= len(b) {
			return rec, false
		}
		switch b[i] {
		case ',':
			i = skipWS(b, i+1)
		case '}':
			return rec, skipWS(b, i+1) == len(b)
		default:
			return rec, false
		}
	}
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanString returns the end (after the closing quote) of the JSON string
// starting at b[i], and whether it has no escapes; -1 if it is not closed
// or holds a control character.
func scanString(b []byte, i int) (int, bool) {
	simple := true
	j := i + 1
	for {
		// Eight bytes at a time past those that need no look: most of
		// a long text, between its quotation marks and escapes.
		for j+8 <= len(b) && !jsonSpecial8(binary.LittleEndian.Uint64(b[j:])) {
			j += 8
		}
		if j >= len(b) {
			return -1, false
		}
		switch c := b[j]; {
		case c == '"':
			return j + 1, simple
		case c == '\\':
			simple = false
			j += 2 // past the escaped byte; unquote checks it
			continue
		case c < 0x20:
			return -1, false
		}
		j++
	}
}

// jsonSpecial8 reports whether one of the eight bytes of x is a
// quotation mark, a backslash or a control character (below 0x20), by
// the bit tricks for a zero byte (x^c has one where x has c) and for a
// byte below a value. Each trick may mark bytes after the first it finds
// wrongly, by a borrow, but finds one whenever there is one: the test of
// the eight bytes as a whole is exact.
func jsonSpecial8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	return ((quote-ones)&^quote|(backslash-ones)&^backslash|(x-ones*0x20)&^x)&highs != 0
}

// jsonUnquote decodes the body of a JSON string (valid UTF-8, no control
// characters) with the escapes \" \\ \/ \b \f \n \r \t and \uXXXX outside
// the surrogates; ok is false for anything else. The runs between
// escapes are copied whole, into a string built in place (the result
// is never longer than s).
func jsonUnquote(s []byte, simple bool) (string, bool) {
	if simple {
		return string(s), true
	}
	var out strings.Builder
	out.Grow(len(s))
	for {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			out.Write(s)
			return out.String(), true
		}
		out.Write(s[:i])
		if i+1 >= len(s) {
			return "", false
		}
		switch c := s[i+1]; c {
		case '"', '\\', '/':
			out.WriteByte(c)
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			if i+6 > len(s) {
				return "", false
			}
			r := rune(0)
			for _, h := range s[i+2 : i+6] {
				switch {
				case '0' <= h && h <= '9':
					r = r<<4 | rune(h-'0')
				case 'a' <= h && h <= 'f':
					r = r<<4 | rune(h-'a'+10)
				case 'A' <= h && h <= 'F':
					r = r<<4 | rune(h-'A'+10)
				default:
					return "", false
				}
			}
			if 0xD800 <= r && r < 0xE000 {
				return "", false // surrogates: encoding/json pairs or replaces them
			}
			out.WriteRune(r)
			s = s[i+6:]
			continue
		default:
			return "", false
		}
		s = s[i+2:]
	}
}

// skipValue returns the end of the JSON value that is not a string
// starting at b[i]: a number or literal runs to the next delimiter, an
// object or array to its matching bracket (strings inside skipped); -1
// when there is none. json.Valid checks the value found.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			case '"':
				end, _ := scanString(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			}
		}
		return -1
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}
