package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
)

type exportLine struct {
	ID, Prefix, Title, Path, Encoding, Text string
	Images                                  int
}

// exportLines runs --export and decodes its lines.
func exportLines(t *testing.T, args ...string) ([]exportLine, string, int) {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"--export"}, args...)...)
	var lines []exportLine
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		var r exportLine
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, r)
	}
	return lines, errs, code
}

// listRows returns the rows of --list, split at the tabs.
func listRows(t *testing.T, args ...string) [][]string {
	t.Helper()
	out, _, code := runCLI(t, append([]string{"--list"}, args...)...)
	if code != 0 {
		t.Fatalf("--list %q: exit %d", args, code)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l != "" {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	return rows
}

func TestExportFollowsList(t *testing.T) {
	lines, errs, code := exportLines(t, coll)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	rows := listRows(t, coll)
	if len(lines) != len(rows) {
		t.Fatalf("%d lines for %d articles", len(lines), len(rows))
	}
	for i, r := range rows {
		// --list gives the name's bytes; JSON holds it decoded
		if l := lines[i]; l.Prefix != r[0] || l.Title != r[1] || l.Path != loader.DisplayPath(r[2]) || len(l.ID) != 64 {
			t.Errorf("line %d: %+v, --list says %q", i, l, r)
		}
	}
	if out, _, _ := runCLI(t, "--export", coll); strings.Contains(out, `\u003c`) || strings.Contains(out, `\u0026`) {
		t.Error("HTML characters escaped")
	}
}

func TestExportMarked(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	if lines, _, code := exportLines(t, "--marked", coll); code != 1 || len(lines) != 0 {
		t.Errorf("nothing marked: exit %d, %d lines", code, len(lines))
	}
	dir, err := marks.Dir()
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(coll)
	s, err := marks.Open(dir, abs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(marks.Op{Rel: "306长春冰灯艺术节开幕，夜游线路受欢迎.txt", On: true}, marks.Op{Rel: "2024年度报告/5科技馆新展厅对公众开放.txt", On: true}); err != nil {
		t.Fatal(err)
	}
	lines, _, code := exportLines(t, coll, "--marked")
	if code != 0 || len(lines) != 2 || lines[0].Prefix != "5" || lines[1].Prefix != "306" {
		t.Errorf("exit %d, lines %+v", code, lines)
	}
}

func TestExportSkipsBinary(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "1图片.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	lines, errs, code := exportLines(t, dir)
	if code != 1 || len(lines) != 0 || errs != "newsbrowse: skipped 1图片.txt: binary file, not shown\n" {
		t.Errorf("binary only: exit %d, %d lines, stderr %q", code, len(lines), errs)
	}
	os.WriteFile(filepath.Join(dir, "2正文.txt"), []byte("2正文.txt\n正文。"), 0o644)
	lines, errs, code = exportLines(t, dir)
	if code != 0 || len(lines) != 1 || lines[0].Text != "正文。" || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, lines %+v, stderr %q", code, lines, errs)
	}
	for _, args := range [][]string{{"--export"}, {"--export", "--list", dir}, {"--export", "--grep", "x", dir}, {"--marked", dir}} {
		if _, _, code := runCLI(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
