package analysis

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes the result as a framelens/v1 JSON document, one record
// per line: the members of the top-level object, and of the lexicon and
// reuse objects, each start a line, and every element of their lists
// (articles, outlets, quotes, matches, warnings, passages, …) is one
// compact line of its own. The file stays readable and diffable line by
// line, and it is written as it is encoded, so memory does not grow with
// the document. Lists are never null. The same result always gives the
// same bytes.
func (r *Result) WriteJSON(w io.Writer) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 1<<16)
	}
	jw := &jsonWriter{w: bw}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	if v := reflect.ValueOf(r).Elem(); laidOut(v.Type()) {
		jw.object(v, "", true)
	} else {
		jw.value(v)
	}
	jw.w.WriteString("\n")
	if jw.err != nil {
		return jw.err
	}
	return bw.Flush()
}

// jsonWriter writes a document with the layout of WriteJSON; the first
// error is kept in err and stops all writing.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	// scratch holds the elements that append their own JSON.
	scratch []byte
	// lists holds compactList's buffers, one per goroutine, kept from one
	// list to the next: a chunk of large elements (passages carried by
	// hundreds of articles) makes them megabytes long.
	lists [][]byte
	err   error
}

// value writes v compactly, as json.Marshal would without HTML escaping.
func (jw *jsonWriter) value(v reflect.Value) {
	if jw.err != nil {
		return
	}
	x := v.Interface()
	if a, ok := x.(jsonAppender); ok && (v.Kind() != reflect.Pointer || !v.IsNil()) {
		jw.scratch = a.appendJSON(jw.scratch[:0])
		_, jw.err = jw.w.Write(jw.scratch)
		return
	}
	jw.buf.Reset()
	if jw.err = jw.enc.Encode(x); jw.err != nil {
		return
	}
	b := jw.buf.Bytes()
	_, jw.err = jw.w.Write(b[:len(b)-1]) // without Encode's newline
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// laidOut reports whether a struct value can be written member by member:
// a plain struct with no embedded fields, ",string" options or custom
// marshalling. Anything else is written compactly by encoding/json.
func laidOut(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) {
		return false
	}
	for f := range t.Fields() {
		if f.Anonymous || strings.Contains(f.Tag.Get("json"), ",string") {
			return false
		}
	}
	return true
}

// object writes the struct v with one member per line, indented by
// indent plus two spaces. Lists are written one element per line; at the
// top level (expand), struct members are laid out the same way one level
// down. Member names, omitempty and "-" follow encoding/json.
func (jw *jsonWriter) object(v reflect.Value, indent string, expand bool) {
	in := indent + "  "
	jw.w.WriteString("{")
	first := true
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if hasOpt(opts, "omitempty") && isEmpty(fv) || hasOpt(opts, "omitzero") && fv.IsZero() {
			continue
		}
		if !first {
			jw.w.WriteString(",")
		}
		first = false
		jw.w.WriteString("\n" + in)
		jw.value(reflect.ValueOf(name))
		jw.w.WriteString(": ")
		if l, ok := fv.Addr().Interface().(jsonList); ok {
			jw.compactList(l, in)
			continue
		}
		switch {
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() != reflect.Uint8 && !fv.Type().Implements(marshalerType):
			jw.list(fv, in)
		case expand && fv.Kind() == reflect.Pointer && !fv.IsNil() && laidOut(fv.Type().Elem()):
			jw.object(fv.Elem(), in, false)
		case expand && fv.Kind() == reflect.Struct && laidOut(fv.Type()):
			jw.object(fv, in, false)
		default:
			jw.value(fv)
		}
	}
	if !first {
		jw.w.WriteString("\n" + indent)
	}
	jw.w.WriteString("}")
}

// list writes a slice with one compact element per line; a nil slice is
// written as [] like an empty one.
func (jw *jsonWriter) list(v reflect.Value, indent string) {
	if v.Len() == 0 {
		jw.w.WriteString("[]")
		return
	}
	if v.Type().Elem().Implements(appenderType) {
		jw.compactList(appenders{v}, indent)
		return
	}
	jw.w.WriteString("[")
	sep := "\n" + indent + "  "
	for i := range v.Len() {
		if i > 0 {
			jw.w.WriteString(",")
		}
		jw.w.WriteString(sep)
		jw.value(v.Index(i))
		if jw.err != nil {
			return
		}
	}
	jw.w.WriteString("\n" + indent + "]")
}

// listChunk is the number of elements of a compact list one goroutine
// encodes at a time.
const listChunk = 1024

// compactList writes a compact list like list, its elements encoded on
// GOMAXPROCS goroutines a chunk at a time and written in order.
func (jw *jsonWriter) compactList(l jsonList, indent string) {
	n := l.Len()
	if n == 0 {
		jw.w.WriteString("[]")
		return
	}
	jw.w.WriteString("[")
	sep := "\n" + indent + "  "
	if len(jw.lists) < workers(n) {
		jw.lists = make([][]byte, workers(n))
	}
	bufs := jw.lists[:workers(n)]
	for start := 0; start < n && jw.err == nil; start += len(bufs) * listChunk {
		parallel(len(bufs), func(c int) {
			b := bufs[c][:0]
			for i := start + c*listChunk; i < min(n, start+(c+1)*listChunk); i++ {
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, sep...)
				b = l.appendJSONAt(b, i)
			}
			bufs[c] = b
		})
		for _, b := range bufs {
			if _, err := jw.w.Write(b); err != nil {
				jw.err = err
				break
			}
		}
	}
	jw.w.WriteString("\n" + indent + "]")
}

var appenderType = reflect.TypeFor[jsonAppender]()

// appenders is a slice of jsonAppender elements (pointers to structs that
// append their own JSON) seen as a jsonList; a nil element is null.
type appenders struct{ v reflect.Value }

func (a appenders) Len() int { return a.v.Len() }

func (a appenders) appendJSONAt(b []byte, i int) []byte {
	e := a.v.Index(i)
	if e.Kind() == reflect.Pointer && e.IsNil() {
		return append(b, "null"...)
	}
	return e.Interface().(jsonAppender).appendJSON(b)
}

func hasOpt(opts, opt string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
