package teatest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// recorder is a model that logs what it is sent; "a" and "b" each start a
// command answering with that name and a "!".
type recorder struct{ log *[]string }

func (r recorder) Init() tea.Cmd { return nil }

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	s, _ := msg.(string)
	*r.log = append(*r.log, s)
	if s == "a" || s == "b" {
		return r, func() tea.Msg { return s + "!" }
	}
	return r, nil
}

func (r recorder) View() tea.View { return tea.NewView("") }

func TestRunFeedsBackDepthFirst(t *testing.T) {
	var log []string
	var m tea.Model = recorder{&log}
	d := ForModel(&m)
	d.Run(tea.Batch(func() tea.Msg { return "a" }, nil, func() tea.Msg { return "b" }))
	if want := []string{"a", "a!", "b", "b!"}; !slices.Equal(log, want) {
		t.Errorf("messages in the order %q, want %q", log, want)
	}
	if d.Quit {
		t.Error("Quit set without a quit")
	}
	d.Run(tea.Batch(func() tea.Msg { return "c" }, tea.Quit))
	if !d.Quit || log[len(log)-1] != "c" {
		t.Errorf("after a quit: Quit %v, log %q", d.Quit, log)
	}
}

func TestUpdateDoesNotRun(t *testing.T) {
	var log []string
	var m tea.Model = recorder{&log}
	cmd := ForModel(&m).Update("a")
	if !slices.Equal(log, []string{"a"}) || cmd == nil {
		t.Fatalf("log %q", log)
	}
	if got := Messages(tea.Batch(cmd, nil, tea.Batch(cmd))); !slices.Equal(got, []tea.Msg{"a!", "a!"}) {
		t.Errorf("Messages %q", got)
	}
}

func TestTickFiresAtOnce(t *testing.T) {
	msg := Tick(time.Hour, func(at time.Time) tea.Msg { return at })()
	if at, ok := msg.(time.Time); !ok || !at.IsZero() {
		t.Errorf("Tick answered %v", msg)
	}
}

// The driver is for tests only: no file of the program imports it.
func TestOnlyTestsImportIt(t *testing.T) {
	const self = "newsbrowse/tui/teatest"
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == self {
				t.Errorf("%s imports %s", p, self)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
