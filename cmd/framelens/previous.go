package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/framelens/framelens/analysis"
)

// readPrevious decodes the parts of a framelens/v1 document that the
// report compares with the current run (report/changes.go): the schema,
// the generator, the lexicon hash, each article's id, outlet and SHA-256,
// and the outlet aggregates. It reads the document as a token stream and
// stops as soon as it has them: articles and outlets come before the large
// quote and match lists, so those are never read. Other members met on the
// way are skipped token by token, never held in memory. A document with
// another schema is returned as soon as its schema is read.
func readPrevious(r io.Reader) (*analysis.Result, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	prev := &analysis.Result{Articles: []*analysis.ArticleResult{}, Outlets: []*analysis.OutletFeatures{}}
	const want = 5 // schema, generator, lexicon, articles, outlets
	seen := map[string]bool{}
	for len(seen) < want {
		if !dec.More() {
			break // the end of the document: take what it has
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("offset %d: want a member name", dec.InputOffset())
		}
		if seen[key] {
			return nil, fmt.Errorf("offset %d: member %q repeated", dec.InputOffset(), key)
		}
		switch key {
		case "schema":
			err = dec.Decode(&prev.Schema)
			if err == nil && prev.Schema != analysis.Schema {
				return prev, nil
			}
		case "generator":
			err = dec.Decode(&prev.Generator)
		case "lexicon":
			var lex struct {
				SHA256 string `json:"sha256"`
			}
			err = dec.Decode(&lex)
			prev.Lexicon.SHA256 = lex.SHA256
		case "articles":
			err = decodeArray(dec, func() error {
				var a struct {
					ID     string `json:"id"`
					Outlet string `json:"outlet"`
					SHA256 string `json:"sha256"`
				}
				if err := dec.Decode(&a); err != nil {
					return err
				}
				prev.Articles = append(prev.Articles, &analysis.ArticleResult{ID: a.ID, Outlet: a.Outlet, SHA256: a.SHA256})
				return nil
			})
		case "outlets":
			err = decodeArray(dec, func() error {
				var o analysis.OutletFeatures
				if err := dec.Decode(&o); err != nil {
					return err
				}
				prev.Outlets = append(prev.Outlets, &o)
				return nil
			})
		default:
			err = skipValue(dec)
			key = ""
		}
		if err != nil {
			return nil, err
		}
		if key != "" {
			seen[key] = true
		}
	}
	if !seen["schema"] {
		return nil, errors.New("no schema")
	}
	return prev, nil
}

// expectDelim reads one token and checks that it is the delimiter d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("offset %d: want %v, got %v", dec.InputOffset(), d, tok)
	}
	return nil
}

// decodeArray reads an array, calling elem once per element to decode it;
// null counts as an empty array.
func decodeArray(dec *json.Decoder, elem func() error) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("offset %d: want an array, got %v", dec.InputOffset(), tok)
	}
	for dec.More() {
		if err := elem(); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

// skipValue reads one value token by token, so that even a very large
// value is never held in memory as a whole.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
