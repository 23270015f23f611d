package statefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

func TestDir(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		xdg, home string
		want      string
		err       bool
	}{
		{"/var/state", home, "/var/state/newsbrowse", false},
		{"", home, filepath.Join(home, ".local", "state", "newsbrowse"), false},
		{"relative/dir", home, filepath.Join(home, ".local", "state", "newsbrowse"), false},
		{"", "", "", true},
		{"relative", "", "", true},
	}
	for _, tc := range tests {
		t.Setenv("XDG_STATE_HOME", tc.xdg)
		t.Setenv("HOME", tc.home)
		got, err := Dir()
		if tc.err {
			if !errors.Is(err, ErrNoStateDir) || !strings.Contains(err.Error(), "HOME") {
				t.Errorf("XDG_STATE_HOME=%q HOME=%q: Dir() = %q, %v; want an error naming HOME", tc.xdg, tc.home, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("XDG_STATE_HOME=%q: Dir() = %q, %v; want %q", tc.xdg, got, err, tc.want)
		}
	}
}

func TestOwnerDir(t *testing.T) {
	tests := []struct {
		owner, want string
	}{
		{"SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", "/s/owners/SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"},
		{"SHA256:a+b/c==", "/s/owners/SHA256:a-b_c"},
		{"alice", "/s/owners/alice"},
		{"", ""},
		{".", ""},
		{"..", ""},
		{"a b", ""},
		{"a\x1b[2J", ""},
		{"新闻", ""},
		{strings.Repeat("a", 201), ""},
	}
	for _, tc := range tests {
		got, err := OwnerDir("/s", tc.owner)
		if tc.want == "" {
			if err == nil {
				t.Errorf("OwnerDir(%q) = %q, want an error", tc.owner, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("OwnerDir(%q) = %q, %v; want %q", tc.owner, got, err, tc.want)
		}
	}
	a, _ := OwnerDir("/s", "SHA256:a+b")
	b, _ := OwnerDir("/s", "SHA256:a/b")
	if a == b {
		t.Error("two fingerprints share a directory")
	}
}

func TestBase(t *testing.T) {
	a, b := Base("/news/a"), Base("/news/b")
	if a == b {
		t.Fatal("different collections share a file name")
	}
	if Base("/news/a/") != a || Base("/news/./a") != a {
		t.Error("the name must not depend on how the path is spelled")
	}
	if len(a) != hashLen || strings.Trim(a, "0123456789abcdef") != "" {
		t.Errorf("Base = %q, want %d hex digits", a, hashLen)
	}
}

func TestCheckPaths(t *testing.T) {
	tests := []struct {
		name, state, col string
		ok               bool
	}{
		{"relative collection", "/tmp/state", "news", false},
		{"state inside collection", "/srv/news/.state", "/srv/news", false},
		{"state is collection", "/srv/news", "/srv/news", false},
		{"sibling with common prefix", "/srv/news-state", "/srv/news", true},
		{"state outside", "/home/u/.local/state/newsbrowse", "/srv/news", true},
	}
	for _, tc := range tests {
		_, _, err := CheckPaths(tc.state, tc.col)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckPaths(%q, %q) error = %v, want ok=%v", tc.name, tc.state, tc.col, err, tc.ok)
		}
	}
}

func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	linkFIFO := filepath.Join(dir, "link-fifo")
	os.Symlink(fifo, linkFIFO)
	zero := filepath.Join(dir, "zero")
	os.Symlink("/dev/zero", zero)
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 101), 0o600)
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	for _, p := range []string{fifo, linkFIFO, zero, big, sub} {
		data, err := ReadFile(p, 100)
		var ue *UnreadableError
		if !errors.As(err, &ue) || data != nil {
			t.Errorf("ReadFile(%s) = %d bytes, %v; want an UnreadableError", filepath.Base(p), len(data), err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want ErrNotExist", err)
	}
	ok := filepath.Join(dir, "ok")
	os.WriteFile(ok, []byte("0123456789"), 0o600)
	link := filepath.Join(dir, "link-ok")
	os.Symlink(ok, link)
	for _, p := range []string{ok, link} {
		if data, err := ReadFile(p, 10); err != nil || string(data) != "0123456789" {
			t.Errorf("ReadFile(%s) = %q, %v", filepath.Base(p), data, err)
		}
	}
}

func TestSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "abc.json")
	now := time.Date(2026, 12, 2, 22, 19, 0, 0, time.UTC)
	var got []string
	for i := 0; i < 2; i++ {
		os.WriteFile(path, []byte{byte('a' + i)}, 0o600)
		aside, err := SetAside(path, now)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(aside))
	}
	want := []string{"abc.json.unreadable-20261202T221900Z", "abc.json.unreadable-20261202T221900Z-2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("set aside as %v, want %v", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, want[0])); string(b) != "a" {
		t.Errorf("the first file set aside holds %q", b)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the file is still there")
	}
}

func TestLockExcludes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "abc.json")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	other := flock.New(path + ".lock")
	if ok, err := other.TryLock(); ok || err != nil {
		t.Fatalf("a second holder got the lock: %v, %v", ok, err)
	}
	unlock()
	if ok, err := other.TryLock(); !ok || err != nil {
		t.Fatalf("the lock was not released: %v, %v", ok, err)
	}
	other.Close()
}

func TestWriteAtomicAndTemps(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	path := filepath.Join(dir, "a[1].json")
	if err := WriteAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode %v", st.Mode().Perm())
	}
	os.WriteFile(path+".tmp-123", []byte("half"), 0o600)
	os.WriteFile(filepath.Join(dir, "other.json.tmp-9"), []byte("x"), 0o600)
	RemoveTemps(path)
	names, _ := os.ReadDir(dir)
	var list []string
	for _, n := range names {
		list = append(list, n.Name())
	}
	if strings.Join(list, " ") != "a[1].json other.json.tmp-9" {
		t.Errorf("after RemoveTemps: %v", list)
	}
}

// Update hands change what load read, or the zero value after setting an
// unreadable file aside, and leaves the file alone on any other error.
func TestUpdate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f")
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clock := func() time.Time { return at }
	load := func() (string, error) {
		b, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return "", nil
		case err != nil:
			return "", err
		case string(b) == "bad":
			return "", Unreadable(path, errors.New("bad"))
		}
		return string(b), nil
	}
	add := func(s string) ([]byte, error) { return []byte(s + "x"), nil }
	for _, want := range []string{"x", "xx"} {
		if aside, err := Update(path, clock, load, add); err != nil || aside != "" {
			t.Fatalf("Update = %q, %v", aside, err)
		}
		if b, _ := os.ReadFile(path); string(b) != want {
			t.Errorf("file holds %q, want %q", b, want)
		}
	}
	os.WriteFile(path, []byte("bad"), 0o600)
	aside, err := Update(path, clock, load, add)
	if err != nil || aside != path+".unreadable-20260102T030405Z" {
		t.Fatalf("Update of an unreadable file = %q, %v", aside, err)
	}
	if b, _ := os.ReadFile(aside); string(b) != "bad" {
		t.Errorf("set aside %q, want %q", b, "bad")
	}
	if b, _ := os.ReadFile(path); string(b) != "x" {
		t.Errorf("new file holds %q, want %q", b, "x")
	}
	failed := errors.New("no")
	if _, err := Update(path, clock, load, func(string) ([]byte, error) { return nil, failed }); !errors.Is(err, failed) {
		t.Errorf("Update with a failing change = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "x" {
		t.Errorf("after a failed change the file holds %q, want %q", b, "x")
	}
}
