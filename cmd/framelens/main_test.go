package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// archive is a txtar archive: a comment and named files.
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

var reMarker = regexp.MustCompile(`(?m)^-- (.+) --$`)

// parseTxtar parses the txtar format: "-- name --" lines start files.
func parseTxtar(s string) *archive {
	a := &archive{}
	locs := reMarker.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		a.comment = s
		return a
	}
	a.comment = s[:locs[0][0]]
	for i, l := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := s[l[1]:end]
		body = strings.TrimPrefix(body, "\n")
		a.files = append(a.files, archiveFile{name: s[l[2]:l[3]], data: body})
	}
	return a
}

// TestCLI runs each testdata/cli/*.txtar in-process. A case holds its
// input files, a file "args" (one argument per line; $DIR is the case's
// folder), and the expected "exit" status, "stdout" and "stderr" (each
// optional; "stderr" lines must each appear in stderr). Output folders are
// written under the case folder; a file "want/NAME" must exist in it with
// each of its lines as a substring.
func TestCLI(t *testing.T) {
	cases, _ := filepath.Glob("../../testdata/cli/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no CLI cases")
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseTxtar(string(b))
			dir := t.TempDir()
			want := map[string]string{}
			for _, f := range ar.files {
				switch {
				case f.name == "args" || f.name == "exit" || f.name == "stdout" || f.name == "stderr" || strings.HasPrefix(f.name, "want/"):
					want[f.name] = f.data
				default:
					p := filepath.Join(dir, filepath.FromSlash(f.name))
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			var args []string
			for _, l := range strings.Split(strings.TrimSpace(want["args"]), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					args = append(args, strings.ReplaceAll(l, "$DIR", dir))
				}
			}
			var stdout, stderr bytes.Buffer
			err = run(context.Background(), args, &stdout, &stderr)
			code := 0
			if err != nil {
				code = exitCode(err)
				stderr.WriteString("framelens: " + err.Error() + "\n")
			}
			wantCode := 0
			if s := strings.TrimSpace(want["exit"]); s != "" {
				wantCode, _ = strconv.Atoi(s)
			}
			errText := strings.ReplaceAll(stderr.String(), dir, "$DIR")
			if code != wantCode {
				t.Fatalf("exit %d, want %d\nstderr:\n%s", code, wantCode, errText)
			}
			if w, ok := want["stdout"]; ok && stdout.String() != w {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), w)
			}
			for _, l := range strings.Split(strings.TrimSpace(want["stderr"]), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.Contains(errText, l) {
					t.Errorf("stderr lacks %q:\n%s", l, errText)
				}
			}
			for name, w := range want {
				if !strings.HasPrefix(name, "want/") {
					continue
				}
				got, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(name, "want/")))
				if err != nil {
					t.Errorf("output: %v", err)
					continue
				}
				for _, l := range strings.Split(strings.TrimSpace(w), "\n") {
					if l = strings.TrimSpace(l); l != "" && !strings.Contains(string(got), l) {
						t.Errorf("%s lacks %q", name, l)
					}
				}
			}
		})
	}
}

// TestAnalyzeSummitGolden compares `framelens analyze testdata/summit` with
// testdata/golden/summit.json (go test ./cmd/framelens -update rewrites it),
// and checks that a second run gives the same bytes.
func TestAnalyzeSummitGolden(t *testing.T) {
	runOnce := func() []byte {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"analyze", "-q", "../../testdata/summit"}, &stdout, &stderr); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		return stdout.Bytes()
	}
	got := runOnce()
	if !bytes.Equal(got, runOnce()) {
		t.Fatal("two runs differ")
	}
	var doc map[string]any
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema"] != "framelens/v1" {
		t.Errorf("schema %v", doc["schema"])
	}
	golden := "../../testdata/golden/summit.json"
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/framelens -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("differs from %s at line %d:\n got %s\nwant %s\n(go test ./cmd/framelens -update rewrites it)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("differs from %s in length (go test ./cmd/framelens -update rewrites it)", golden)
	}
}
