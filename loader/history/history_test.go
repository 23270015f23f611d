package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"newsbrowse/loader/statefile"
)

func TestAdd(t *testing.T) {
	tests := []struct {
		qs   []string
		q    string
		want []string
	}{
		{nil, "冰灯", []string{"冰灯"}},
		{[]string{"a", "b"}, "a", []string{"b", "a"}},
		{[]string{"a"}, "", []string{"a"}},
		{[]string{"a"}, "x\ny", []string{"a"}},
		{[]string{"a"}, strings.Repeat("x", MaxQuery+1), []string{"a"}},
	}
	for _, tc := range tests {
		if got := Add(tc.qs, tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Add(%q, %q) = %q, want %q", tc.qs, tc.q, got, tc.want)
		}
	}
	var qs []string
	for i := range Keep + 10 {
		qs = Add(qs, fmt.Sprint(i))
	}
	if len(qs) != Keep || qs[0] != "10" || qs[Keep-1] != fmt.Sprint(Keep+9) {
		t.Fatalf("kept %d: %q … %q", len(qs), qs[0], qs[len(qs)-1])
	}
}

func TestSaveAndLoad(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, "/collections/a")
	if err != nil {
		t.Fatal(err)
	}
	if qs, err := s.Load(); err != nil || qs != nil {
		t.Fatalf("missing file: %q %v", qs, err)
	}
	for _, q := range []string{"冰灯", "夜市", "冰灯"} {
		if _, _, err := s.Save(q); err != nil {
			t.Fatal(err)
		}
	}
	qs, err := s.Load()
	if err != nil || !reflect.DeepEqual(qs, []string{"夜市", "冰灯"}) {
		t.Fatalf("loaded %q %v", qs, err)
	}
	// another process's query is kept: Save reads before it writes
	other, _ := Open(dir, "/collections/b")
	other.Save("水库")
	if qs, _, _ := s.Save("新闻"); !reflect.DeepEqual(qs, []string{"夜市", "冰灯", "水库", "新闻"}) {
		t.Fatalf("merged %q", qs)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*tmp*")); len(names) > 0 {
		t.Fatalf("left behind %q", names)
	}
}

func TestUnusableFileIsNeverRead(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir, "/collections/a")
	if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
		t.Skip(err)
	}
	// a FIFO would block a plain read
	_, err := s.Load()
	var ue *statefile.UnreadableError
	if !errors.As(err, &ue) {
		t.Fatalf("FIFO: %v", err)
	}
	_, aside, err := s.Save("q")
	if err != nil || aside == "" {
		t.Fatalf("save over a FIFO: aside %q, %v", aside, err)
	}
	if st, err := os.Lstat(aside); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was not kept aside: %v", err)
	}
	if qs, err := s.Load(); err != nil || !reflect.DeepEqual(qs, []string{"q"}) {
		t.Fatalf("after: %q %v", qs, err)
	}
}

func TestTooLargeFileIsKept(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir, "/collections/a")
	big := strings.Repeat("q\n", maxFile)
	os.WriteFile(s.Path(), []byte(big), 0o600)
	if _, err := s.Load(); err == nil {
		t.Fatal("a file over the cap was read")
	}
	_, aside, err := s.Save("x")
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(aside); string(data) != big {
		t.Fatal("the large file was not kept")
	}
}

func TestStateInsideTheCollectionIsRefused(t *testing.T) {
	if _, err := Open("/collections/a/state", "/collections/a"); err == nil {
		t.Fatal("state inside the collection accepted")
	}
}
