package analysis

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the result as an indented framelens/v1 JSON document.
// The same result always gives the same bytes.
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
