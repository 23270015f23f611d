package loader

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"
)

// given collects what ScanFunc gives, checking that no entry comes twice.
type given struct {
	t       *testing.T
	entries map[string]Entry
}

func (g *given) found(es []Entry) {
	for _, e := range es {
		if _, twice := g.entries[e.RelPath]; twice {
			g.t.Errorf("%q given twice", e.RelPath)
		}
		g.entries[e.RelPath] = e
	}
}

// Every entry ScanFunc returns was given once, exactly as returned,
// including one titled from its first line, and in batches as the folders
// are read; a folder that fails half way may have given entries it does
// not return.
func TestScanFuncGivesEveryEntry(t *testing.T) {
	files := fstest.MapFS{
		"1甲.txt":             file("x"),
		"broken/8丙.txt":      file("x"),
		"broken/inner/x.txt": file("x"),
		"zz/3丁.txt":          file("x"),
		"zz/4戊.txt":          file("x"),
		"zz/改名的文章.txt":       file("12新的标题.txt\n正文\n"),
		"zz/.hidden.txt":     file("x"),
		"zz/notes.md":        file("x"),
	}
	for _, tc := range []struct {
		name      string
		fsys      fs.FS
		batch     int
		returned  int
		minCalls  int
		notReturn []string // given but not returned
	}{
		{"one at a time", openOnly{files}, 1, 6, 5, nil}, // 4 with a prefix, then the 2 without
		{"whole folders", files, 100, 6, 4, nil},
		{"whole folders, one at a time", files, 1, 6, 6, nil},
		{"broken folder", brokenFS{files, errLocked}, 1, 4, 4, []string{"broken/9乙.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &given{t: t, entries: map[string]Entry{}}
			calls, largest := 0, 0
			got, err := scan(tc.fsys, tc.batch, func(es []Entry) {
				calls++
				largest = max(largest, len(es))
				g.found(es)
			})
			if err != nil || len(got) != tc.returned {
				t.Fatalf("scan: %q, %v; want %d entries", relPaths(got), err, tc.returned)
			}
			plain, _ := scan(tc.fsys, tc.batch, nil)
			if !slices.Equal(got, plain) {
				t.Errorf("with found: %q; without: %q", relPaths(got), relPaths(plain))
			}
			for _, e := range got {
				if g.entries[e.RelPath] != e {
					t.Errorf("%q: given %+v, returned %+v", e.RelPath, g.entries[e.RelPath], e)
				}
				delete(g.entries, e.RelPath)
			}
			var extra []string
			for rel := range g.entries {
				extra = append(extra, rel)
			}
			if slices.Sort(extra); !slices.Equal(extra, tc.notReturn) {
				t.Errorf("given but not returned: %q, want %q", extra, tc.notReturn)
			}
			if largest > tc.batch {
				t.Errorf("found given %d entries at once, more than a batch of %d", largest, tc.batch)
			}
			if calls < tc.minCalls {
				t.Errorf("found called %d times, want at least %d (as the folders are read)", calls, tc.minCalls)
			}
			if i := slices.IndexFunc(got, func(e Entry) bool { return e.RelPath == "zz/改名的文章.txt" }); got[i].Prefix != "12" {
				t.Errorf("renamed article returned as %+v", got[i])
			}
		})
	}
}

// ScanPathFunc gives the entries of a folder, an archive and a single
// file, each once, with the root it returns.
func TestScanPathFuncGivesEveryEntry(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/1甲.txt", "x")
	writeFile(t, dir+"/sub/2乙.txt", "x")
	for _, path := range []string{dir, dir + "/sub/2乙.txt"} {
		var gotRoot fs.FS
		g := &given{t: t, entries: map[string]Entry{}}
		root, entries, err := ScanPathFunc(path, func(r fs.FS, es []Entry) { gotRoot = r; g.found(es) })
		if err != nil || len(entries) == 0 {
			t.Fatalf("%s: %v, %v", path, entries, err)
		}
		if gotRoot != root || len(g.entries) != len(entries) {
			t.Errorf("%s: given %d entries with root %v; returned %d with %v", path, len(g.entries), gotRoot, len(entries), root)
		}
		for _, e := range entries {
			if g.entries[e.RelPath] != e {
				t.Errorf("%s: %q given as %+v", path, e.RelPath, g.entries[e.RelPath])
			}
		}
	}
}

// An entry of the root of a file system that keeps its names as strings
// (a zip archive) holds that string, not a copy: a scan adds no second
// copy of every name to what the archive keeps.
func TestScanKeepsRootNames(t *testing.T) {
	files := fstest.MapFS{"1甲.txt": file("x"), "2乙.txt": file("x"), "sub/3丙.txt": file("x")}
	entries, err := Scan(files)
	if err != nil || len(entries) != 3 {
		t.Fatalf("Scan: %q, %v", relPaths(entries), err)
	}
	checked := 0
	for name := range files {
		for _, e := range entries {
			if e.RelPath != name || strings.Contains(name, "/") {
				continue
			}
			checked++
			if unsafe.StringData(e.RelPath) != unsafe.StringData(name) {
				t.Errorf("%q: the entry holds a copy of the name", name)
			}
		}
	}
	if checked != 2 {
		t.Errorf("%d entries of the root checked, want 2", checked)
	}
}
