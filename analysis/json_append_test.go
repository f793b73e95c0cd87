package analysis

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// marshalNoHTML is encoding/json's output for v without HTML escaping.
func marshalNoHTML(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// hostile are strings that need every kind of escaping.
var hostile = []string{
	"", "plain", `"quoted" and \back\slashed`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
	"</script><script>alert(1)</script> & <b>", "invalid \xff\xfe utf-8 \xc3", "line\u2028para\u2029sep",
	"Kim Jong-un “mesra” «ça» „Putin“ 北朝鮮 😀", strings.Repeat("x", 300),
}

func TestAppendJSONString(t *testing.T) {
	cases := append([]string{}, hostile...)
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
		cases = append(cases, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
		// At each place of and around the eight bytes skipped at a time.
		for i := range 18 {
			cases = append(cases, "plain ascii text "[:i]+string([]byte{byte(c)})+"plain ascii text "[i:])
		}
	}
	cases = append(cases, all.String())
	for _, s := range cases {
		got := appendJSONString(nil, s)
		if want := marshalNoHTML(t, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendJSONString(nil, s), marshalNoHTML(t, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// fill sets every exported field of the struct v points to, using the
// strings of hostile in turn, so that a field added to the type and not to
// its appendJSON shows up as a difference.
func fill(v reflect.Value, n *int) {
	v = v.Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		*n++
		switch f.Kind() {
		case reflect.String:
			f.SetString(hostile[*n%len(hostile)])
		case reflect.Int:
			f.SetInt(int64(*n * 1000003))
		case reflect.Bool:
			f.SetBool(*n%2 == 0)
		case reflect.Slice:
			switch f.Type().Elem().Kind() {
			case reflect.String:
				f.Set(reflect.ValueOf([]string{hostile[*n%len(hostile)], "b"}))
			case reflect.Pointer:
				s := reflect.MakeSlice(f.Type(), 2, 2)
				for j := range 2 {
					e := reflect.New(f.Type().Elem().Elem())
					fill(e, n)
					s.Index(j).Set(e)
				}
				f.Set(s)
			}
		}
	}
}

// TestAppendJSONLists checks the lists of an article that fill leaves
// out: empty, and with nil elements.
func TestAppendJSONLists(t *testing.T) {
	for _, v := range []*ArticleResult{
		{Credits: []string{}, CreditEvidence: []*Credit{}, RemovedLines: []*Removal{}},
		{CreditEvidence: []*Credit{nil, {Text: "x"}}, RemovedLines: []*Removal{{Rule: "r"}, nil}},
	} {
		if got, want := v.appendJSON(nil), marshalNoHTML(t, v); !bytes.Equal(got, want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	values := []jsonAppender{&Quote{}, &Match{}, &Passage{}, &PassageOccurrence{}, &ReusePair{},
		&ArticleResult{}, &Credit{}, &Removal{}}
	for _, v := range values {
		// The zero value (nil lists), then every field set, several ways.
		if got, want := v.appendJSON(nil), marshalNoHTML(t, v); !bytes.Equal(got, want) {
			t.Errorf("%T zero:\n got %s\nwant %s", v, got, want)
		}
		for start := range len(hostile) {
			n := start
			fill(reflect.ValueOf(v), &n)
			if got, want := v.appendJSON(nil), marshalNoHTML(t, v); !bytes.Equal(got, want) {
				t.Errorf("%T:\n got %s\nwant %s", v, got, want)
			}
		}
	}
}

// BenchmarkAppendJSONString measures appendJSONString on the sentences
// of the bench articles (see loadBenchArticles).
func BenchmarkAppendJSONString(b *testing.B) {
	arts, _ := loadBenchArticles(b)
	var sents []string
	size := 0
	for _, a := range arts {
		for _, s := range strings.SplitAfter(a.Text[a.BodyStart:], ". ") {
			sents = append(sents, s)
			size += len(s)
		}
	}
	b.SetBytes(int64(size))
	var buf []byte
	for b.Loop() {
		for _, s := range sents {
			buf = appendJSONString(buf[:0], s)
		}
	}
}
