package marks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsbrowse/loader/statefile"
)

// Two processes on one collection: A marks 1 and 5, B marks 3 in between.
// Each applies its own operations to what is stored, so all three stay.
func TestApplyKeepsOtherProcessesMarks(t *testing.T) {
	state, col := t.TempDir(), "/srv/news"
	a, _ := Open(state, col)
	b, _ := Open(state, col)
	if _, err := a.Apply(Op{"1.txt", true}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Apply(Op{"3.txt", true}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Apply(Op{"5.txt", true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"1.txt": true, "3.txt": true, "5.txt": true}
	if !reflect.DeepEqual(res.Marks, want) {
		t.Errorf("Apply returned %v, want %v", res.Marks, want)
	}
	if got, _ := b.Load(); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %v, want %v", got, want)
	}
	if res, _ := b.Apply(Op{"1.txt", false}); !reflect.DeepEqual(res.Marks, map[string]bool{"3.txt": true, "5.txt": true}) {
		t.Errorf("unmark gave %v", res.Marks)
	}
}

// Many writers at once, each with its own handle on the file: the lock
// serialises them and no mark is lost.
func TestApplyConcurrent(t *testing.T) {
	state, col := t.TempDir(), "/srv/news"
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, _ := Open(state, col)
			if _, err := s.Apply(Op{fmt.Sprintf("%02d.txt", i), true}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s, _ := Open(state, col)
	got, err := s.Load()
	if err != nil || len(got) != 16 {
		t.Fatalf("after 16 concurrent marks: %d stored, %v", len(got), err)
	}
	if names, _ := filepath.Glob(filepath.Join(state, "*.tmp-*")); len(names) != 0 {
		t.Errorf("temporary files left: %v", names)
	}
}

// A file that cannot be parsed is never written over: it is set aside
// under a name with the time, and new marks start beside it.
func TestApplySetsAsideUnreadable(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 12, 2, 22, 30, 0, 0, time.UTC) }
	state, col := t.TempDir(), "/srv/news"
	s, _ := Open(state, col)
	broken := []byte(`{"collection": "/srv/news", "marks": ["a.txt", "b.tx`)
	os.WriteFile(s.Path(), broken, 0o600)

	_, err := s.Load()
	var ue *statefile.UnreadableError
	if !errors.As(err, &ue) {
		t.Fatalf("Load of a broken file: %v, want an UnreadableError", err)
	}
	res, err := s.Apply(Op{"c.txt", true})
	if err != nil {
		t.Fatal(err)
	}
	want := s.Path() + ".unreadable-20261202T223000Z"
	if res.Aside != want {
		t.Errorf("set aside as %q, want %q", res.Aside, want)
	}
	if kept, _ := os.ReadFile(want); string(kept) != string(broken) {
		t.Errorf("the file set aside holds %q", kept)
	}
	if got, _ := s.Load(); !reflect.DeepEqual(got, map[string]bool{"c.txt": true}) {
		t.Errorf("new marks %v", got)
	}
}

func TestSetAside(t *testing.T) {
	state, col := t.TempDir(), "/srv/news"
	s, _ := Open(state, col)
	if aside, err := s.SetAside(); aside != "" || err != nil {
		t.Errorf("SetAside without a file: %q, %v", aside, err)
	}
	s.Apply(Op{"a.txt", true})
	if aside, err := s.SetAside(); aside != "" || err != nil {
		t.Errorf("SetAside of a good file: %q, %v", aside, err)
	}
	os.WriteFile(s.Path(), []byte("{"), 0o600)
	aside, err := s.SetAside()
	if err != nil || !strings.HasPrefix(aside, s.Path()+".unreadable-") {
		t.Fatalf("SetAside = %q, %v", aside, err)
	}
	if got, err := s.Load(); err != nil || len(got) != 0 {
		t.Errorf("after SetAside: %v, %v", got, err)
	}
}

// A marks file that is a FIFO, or a link to /dev/zero, is refused at once
// (no read that waits for a writer or grows without end) and set aside
// when marks are saved.
func TestNotRegularMarksFile(t *testing.T) {
	for _, kind := range []string{"fifo", "zero"} {
		t.Run(kind, func(t *testing.T) {
			state, col := t.TempDir(), "/srv/news"
			s, _ := Open(state, col)
			switch kind {
			case "fifo":
				if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
					t.Skip("no FIFOs:", err)
				}
			case "zero":
				if err := os.Symlink("/dev/zero", s.Path()); err != nil {
					t.Skip(err)
				}
			}
			_, err := s.Load()
			var ue *statefile.UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("Load: %v, want an UnreadableError", err)
			}
			res, err := s.Apply(Op{"a.txt", true})
			if err != nil || res.Aside == "" {
				t.Fatalf("Apply: %+v, %v", res, err)
			}
			if got, err := s.Load(); err != nil || !got["a.txt"] {
				t.Errorf("after Apply: %v, %v", got, err)
			}
		})
	}
}

// A file readable by no one is an error, and is not replaced.
func TestApplyUnreadablePermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	state, col := t.TempDir(), "/srv/news"
	s, _ := Open(state, col)
	s.Apply(Op{"a.txt", true})
	os.Chmod(s.Path(), 0)
	defer os.Chmod(s.Path(), 0o600)
	if _, err := s.Apply(Op{"b.txt", true}); err == nil {
		t.Fatal("Apply replaced a file it could not read")
	}
	os.Chmod(s.Path(), 0o600)
	if got, _ := s.Load(); !reflect.DeepEqual(got, map[string]bool{"a.txt": true}) {
		t.Errorf("stored %v", got)
	}
}
