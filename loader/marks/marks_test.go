package marks

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	a, b := FileName("/news/a"), FileName("/news/b")
	if a == b {
		t.Fatal("different collections share a file name")
	}
	if FileName("/news/a/") != a || FileName("/news/./a") != a {
		t.Error("the file name must not depend on how the path is spelled")
	}
	if len(a) != 16+len(".json") || strings.Trim(strings.TrimSuffix(a, ".json"), "0123456789abcdef") != "" {
		t.Errorf("FileName = %q, want 16 hex digits + .json", a)
	}
}

func TestToggle(t *testing.T) {
	tests := []struct {
		in   map[string]bool
		rel  string
		want map[string]bool
	}{
		{nil, "a.txt", map[string]bool{"a.txt": true}},
		{map[string]bool{"a.txt": true}, "a.txt", map[string]bool{}},
		{map[string]bool{"a.txt": true}, "b/c.txt", map[string]bool{"a.txt": true, "b/c.txt": true}},
		{map[string]bool{"a.txt": false}, "b.txt", map[string]bool{"b.txt": true}},
	}
	for _, tc := range tests {
		before := len(tc.in)
		got := Toggle(tc.in, tc.rel)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Toggle(%v, %q) = %v, want %v", tc.in, tc.rel, got, tc.want)
		}
		if len(tc.in) != before {
			t.Errorf("Toggle changed its input %v", tc.in)
		}
	}
}

func TestRoundTripAcrossRuns(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state", "newsbrowse")
	col := filepath.Join(t.TempDir(), "新闻")
	if err := os.Mkdir(col, 0o755); err != nil {
		t.Fatal(err)
	}

	set, err := LoadSet(state, col)
	if err != nil {
		t.Fatal(err)
	}
	if len(set) != 0 {
		t.Fatalf("a new collection has marks: %v", set)
	}
	for _, rel := range []string{"sub/002第二篇.txt", "001第一篇.txt", "003第三篇.txt", "003第三篇.txt"} {
		set = Toggle(set, rel)
	}
	if err := saveSet(state, col, set); err != nil {
		t.Fatal(err)
	}

	info, err := os.Stat(state)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("state dir mode = %v, want 0700", perm)
	}
	if entries, _ := os.ReadDir(col); len(entries) != 0 {
		t.Errorf("something was written inside the collection: %v", entries)
	}

	again, err := LoadSet(state, col)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"001第一篇.txt", "sub/002第二篇.txt"}
	if got := sorted(again); !reflect.DeepEqual(got, want) {
		t.Fatalf("second run marks = %v, want %v", got, want)
	}
	if !again["001第一篇.txt"] || again["003第三篇.txt"] {
		t.Error("the loaded set disagrees with the saved marks")
	}

	other, err := LoadSet(state, col+"-other")
	if err != nil {
		t.Fatal(err)
	}
	if len(other) != 0 {
		t.Errorf("another collection sees marks: %v", other)
	}
}

func TestFileContent(t *testing.T) {
	state, col := t.TempDir(), "/srv/news/2019"
	if err := saveSet(state, col, map[string]bool{"b.txt": true, "a.txt": true, "c.txt": false}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(state, FileName(col)))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"collection\": \"/srv/news/2019\",\n  \"marks\": [\n    \"a.txt\",\n    \"b.txt\"\n  ]\n}\n"
	if string(data) != want {
		t.Errorf("file content = %q, want %q", data, want)
	}
}

func TestLeftoverTempFile(t *testing.T) {
	state, col := t.TempDir(), "/srv/news"
	if err := saveSet(state, col, map[string]bool{"kept.txt": true}); err != nil {
		t.Fatal(err)
	}
	// A save that died before its rename leaves a partial temp file behind.
	leftover := filepath.Join(state, FileName(col)+".tmp-123")
	if err := os.WriteFile(leftover, []byte(`{"collection": "/srv/news", "marks": ["half`), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := LoadSet(state, col)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(set, map[string]bool{"kept.txt": true}) {
		t.Fatalf("LoadSet = %v after a leftover temp file", set)
	}
	if err := saveSet(state, col, Toggle(set, "new.txt")); err != nil {
		t.Fatal(err)
	}
	set, err = LoadSet(state, col)
	if err != nil || !reflect.DeepEqual(set, map[string]bool{"kept.txt": true, "new.txt": true}) {
		t.Fatalf("LoadSet = %v, %v after saving past a leftover", set, err)
	}
	entries, _ := os.ReadDir(state)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") && e.Name() != filepath.Base(leftover) {
			t.Errorf("save left its temp file %s", e.Name())
		}
	}
}

func TestLoadErrors(t *testing.T) {
	col := "/srv/news"
	tests := []struct {
		name    string
		content string
	}{
		{"corrupt json", `{"collection": "/srv/news", "marks": [`},
		{"wrong type", `{"collection": "/srv/news", "marks": "a.txt"}`},
		{"binary", "\x00\x01\x02"},
		{"other collection", `{"collection": "/srv/other", "marks": ["a.txt"]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			state := t.TempDir()
			if err := os.WriteFile(filepath.Join(state, FileName(col)), []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadSet(state, col); err == nil {
				t.Error("LoadSet accepted a bad file")
			}
		})
	}
}

func TestSaveRefusesCollection(t *testing.T) {
	col := t.TempDir()
	if err := saveSet(filepath.Join(col, "state"), col, map[string]bool{"a.txt": true}); err == nil {
		t.Fatal("SaveSet wrote inside the collection")
	}
	if entries, _ := os.ReadDir(col); len(entries) != 0 {
		t.Errorf("collection now holds %v", entries)
	}
}

func TestNonUTF8Paths(t *testing.T) {
	state := t.TempDir()
	col := "/srv/\xd0\xc2\xce\xc5" // a GBK directory name
	rel := "sub/306\xbc\xaa\xc1\xd6.txt"
	set := map[string]bool{rel: true, "plain.txt": true}
	if err := saveSet(state, col, set); err != nil {
		t.Fatal(err)
	}
	got, err := LoadSet(state, col)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, set) {
		t.Fatalf("LoadSet = %v, want %v", got, set)
	}
	if _, err := LoadSet(state, "/srv/other"); err != nil {
		t.Fatal(err)
	}
}

func TestSameCollection(t *testing.T) {
	tests := []struct {
		stored, col string
		want        bool
	}{
		{"/a", "/a", true},
		{"/a", "/b", false},
		{"/\uFFFD\uFFFD", "/\xd0\xc2", true},
		{"/\uFFFD", "/\xd0\xc2", false},
	}
	for _, tc := range tests {
		if got := sameCollection(tc.stored, tc.col); got != tc.want {
			t.Errorf("sameCollection(%q, %q) = %v, want %v", tc.stored, tc.col, got, tc.want)
		}
	}
}

func FuzzSaveLoad(f *testing.F) {
	f.Add("a.txt", "b/c.txt")
	f.Add("306\xbc\xaa.txt", "")
	f.Add("新闻/一.txt", "\x00")
	f.Fuzz(func(t *testing.T, a, b string) {
		state, col := t.TempDir(), "/srv/news"
		set := Toggle(Toggle(nil, a), b)
		if err := saveSet(state, col, set); err != nil {
			t.Fatal(err)
		}
		got, err := LoadSet(state, col)
		if err != nil {
			t.Fatal(err)
		}
		delete(set, "")
		if !reflect.DeepEqual(got, set) {
			t.Fatalf("LoadSet = %v, want %v", got, set)
		}
	})
}

func FuzzLoadSet(f *testing.F) {
	f.Add([]byte(`{"collection": "/srv/news", "marks": ["a.txt"]}`))
	f.Add([]byte(`{"collection": "/srv/news", "marks": [`))
	f.Add([]byte(`{"collection": "/srv/news", "marks": [], "raw_marks": ["vKo="]}`))
	f.Fuzz(func(t *testing.T, content []byte) {
		state := t.TempDir()
		if err := os.WriteFile(filepath.Join(state, FileName("/srv/news")), content, 0o600); err != nil {
			t.Fatal(err)
		}
		set, err := LoadSet(state, "/srv/news")
		if err == nil && set == nil {
			t.Fatal("nil set without an error")
		}
		if set[""] {
			t.Fatal("empty path marked")
		}
	})
}

// saveSet applies the marks of set to what is stored.
func saveSet(state, col string, set map[string]bool) error {
	s, err := Open(state, col)
	if err != nil {
		return err
	}
	var ops []Op
	for rel, on := range set {
		ops = append(ops, Op{Rel: rel, On: on})
	}
	_, err = s.Apply(ops...)
	return err
}
