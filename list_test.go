package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/loader/readstate"
	"newsbrowse/loader/statefile"
)

// stateHome points the state directory at a new temporary folder.
func stateHome(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, err := statefile.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func absColl(t *testing.T) string {
	abs, err := filepath.Abs(coll)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestListUnreadAndRead(t *testing.T) {
	dir := stateHome(t)
	s, err := readstate.Open(dir, absColl(t))
	if err != nil {
		t.Fatal(err)
	}
	_, entries, err := loader.ScanPath(coll)
	if err != nil {
		t.Fatal(err)
	}
	var readRel []string
	for _, e := range entries {
		if e.Prefix == "66" || e.Prefix == "5" {
			readRel = append(readRel, e.RelPath) // --list prints the name as on disk
			if _, err := s.Apply(readstate.Op{Kind: readstate.MarkRead, Key: readstate.KeyOf(e.RelPath)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	all, _, _ := runCLI(t, "--list", coll)
	unread, _, code := runCLI(t, "--list", "--unread", coll)
	if code != 0 || strings.Count(unread, "\n") != strings.Count(all, "\n")-2 {
		t.Fatalf("--unread: exit %d\n%s", code, unread)
	}
	read, _, code := runCLI(t, "--list", coll, "--read")
	if code != 0 || strings.Count(read, "\n") != 2 {
		t.Fatalf("--read: exit %d\n%s", code, read)
	}
	for _, rel := range readRel {
		if strings.Contains(unread, rel) || !strings.Contains(read, rel) {
			t.Errorf("%s: in --unread or missing from --read", rel)
		}
	}

	m, _ := marks.Open(dir, absColl(t))
	m.Apply(marks.Op{Rel: "2024年度报告/5科技馆新展厅对公众开放.txt", On: true}, marks.Op{Rel: "131老旧小区加装电梯进展顺利.txt", On: true})
	out, _, _ := runCLI(t, "--list", "--marked", "--unread", coll)
	if strings.TrimSpace(out) != "131\t老旧小区加装电梯进展顺利\t131老旧小区加装电梯进展顺利.txt" {
		t.Errorf("--marked --unread:\n%s", out)
	}
}

func TestListFilterUsage(t *testing.T) {
	stateHome(t)
	for _, args := range [][]string{
		{"--unread", coll},
		{"--read", coll},
		{"--list", "--unread", "--read", coll},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// Without a state directory --list --marked says why, and exits 2.
func TestListWithoutStateDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "")
	for _, flag := range []string{"--marked", "--unread"} {
		_, errs, code := runCLI(t, "--list", flag, coll)
		if code != 2 || !strings.Contains(errs, "HOME") {
			t.Errorf("%s without HOME: exit %d, %q", flag, code, errs)
		}
	}
}

// A marks file that is a FIFO, or a link to /dev/zero, is refused at once:
// --list --marked neither waits for a writer nor reads without end.
func TestListMarkedNotRegular(t *testing.T) {
	for _, kind := range []string{"fifo", "zero"} {
		dir := stateHome(t)
		s, _ := marks.Open(dir, absColl(t))
		os.MkdirAll(dir, 0o700)
		switch kind {
		case "fifo":
			if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
				t.Skip(err)
			}
		case "zero":
			os.Symlink("/dev/zero", s.Path())
		}
		out, errs, code := runCLI(t, "--list", "--marked", coll)
		if code != 1 || out != "" || !strings.Contains(errs, "not a regular file") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", kind, code, out, errs)
		}
	}
}
