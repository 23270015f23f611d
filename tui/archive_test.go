package tui

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
)

// An archive is browsed like a folder; o has no file to give $EDITOR and
// says so instead of opening a path that does not exist.
func TestArchiveCollection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := zip.NewWriter(f)
	for name, body := range map[string]string{
		"sub/2第二篇.txt": "2第二篇.txt\n<p>　　档案里的第二篇。</p>",
		"1第一篇.txt":     "1第一篇.txt\n<p>　　档案里的第一篇。</p>",
	} {
		e, _ := w.Create(name)
		io.WriteString(e, body)
	}
	w.Close()
	f.Close()
	root, err := loader.OpenArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	cfg.FS, cfg.RootDir, cfg.Path, cfg.AbsPath = root, "", "crawl.zip", path
	var ran []*exec.Cmd
	cfg.Exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		ran = append(ran, c)
		return func() tea.Msg { return fn(nil) }
	}
	d := newDriver(t, cfg, 80, 24)
	if s := d.screen(); !strings.Contains(s, "第一篇") || !strings.Contains(s, "第二篇") {
		t.Fatalf("list:\n%s", s)
	}
	d.keys("enter")
	if s := d.screen(); !strings.Contains(s, "档案里的第一篇。") {
		t.Fatalf("reader:\n%s", s)
	}
	d.keys("o")
	if len(ran) != 0 || !strings.Contains(d.screen(), "inside an archive") {
		t.Fatalf("o ran %d programs; screen:\n%s", len(ran), d.screen())
	}
}
