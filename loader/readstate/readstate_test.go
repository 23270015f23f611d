package readstate

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsbrowse/loader/statefile"
)

func open(t testing.TB, state string) Store {
	t.Helper()
	s, err := Open(state, "/srv/news")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func load(t testing.TB, s Store) *State {
	t.Helper()
	st, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestRoundTrip(t *testing.T) {
	state := t.TempDir()
	s := open(t, state)
	if st := load(t, s); st.ReadCount() != 0 {
		t.Fatalf("a new collection has %d read", st.ReadCount())
	}
	if _, ok := load(t, s).Last(); ok {
		t.Fatal("a new collection has a last article")
	}
	_, err := s.Apply(
		Op{Kind: MarkRead, Key: KeyOf("a.txt")},
		Op{Kind: SetPosition, Key: KeyOf("a.txt"), Pos: Position{3, 17}},
		Op{Kind: MarkRead, Key: KeyOf("新闻/b.txt")},
		Op{Kind: SetPosition, Key: KeyOf("新闻/b.txt"), Pos: Position{0, 0}},
		Op{Kind: MarkUnread, Key: KeyOf("a.txt")},
	)
	if err != nil {
		t.Fatal(err)
	}
	st := load(t, open(t, state))
	if st.IsRead("a.txt") || !st.IsRead("新闻/b.txt") || st.ReadCount() != 1 {
		t.Errorf("read: a=%v b=%v count=%d", st.IsRead("a.txt"), st.IsRead("新闻/b.txt"), st.ReadCount())
	}
	if p, ok := st.Position("a.txt"); !ok || p != (Position{3, 17}) {
		t.Errorf("position of a = %v, %v", p, ok)
	}
	if k, ok := st.Last(); !ok || k != KeyOf("新闻/b.txt") {
		t.Errorf("last = %x, %v", k, ok)
	}
	other, _ := Open(state, "/srv/other")
	if st := load(t, other); st.ReadCount() != 0 {
		t.Error("another collection sees the read state")
	}
}

// Two processes on one collection append their own changes: none is lost.
func TestTwoWriters(t *testing.T) {
	state := t.TempDir()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, _ := Open(state, "/srv/news")
			for j := range 10 {
				rel := fmt.Sprintf("%d-%d.txt", i, j)
				if _, err := s.Apply(Op{Kind: MarkRead, Key: KeyOf(rel)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if st := load(t, open(t, state)); st.ReadCount() != 80 {
		t.Errorf("%d read after 80 concurrent opens", st.ReadCount())
	}
}

// A crash in the middle of an append leaves part of a record: it is
// ignored, and the next append goes after the last whole record.
func TestTornAppend(t *testing.T) {
	state := t.TempDir()
	s := open(t, state)
	s.Apply(Op{Kind: MarkRead, Key: KeyOf("a.txt")})
	read, _ := s.Paths()
	f, _ := os.OpenFile(read, os.O_WRONLY|os.O_APPEND, 0)
	f.Write([]byte{'r', 1, 2, 3})
	f.Close()
	if st := load(t, s); !st.IsRead("a.txt") || st.ReadCount() != 1 {
		t.Fatalf("after a torn record: count %d", st.ReadCount())
	}
	s.Apply(Op{Kind: MarkRead, Key: KeyOf("b.txt")})
	if st := load(t, s); !st.IsRead("a.txt") || !st.IsRead("b.txt") || st.ReadCount() != 2 {
		t.Fatalf("append after a torn record: count %d", st.ReadCount())
	}
}

func TestUnreadableIsSetAside(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 12, 2, 23, 0, 0, 0, time.UTC) }
	for _, kind := range []string{"garbage", "other collection", "fifo", "zero"} {
		t.Run(kind, func(t *testing.T) {
			state := t.TempDir()
			s := open(t, state)
			read, _ := s.Paths()
			switch kind {
			case "garbage":
				os.WriteFile(read, []byte("{\"marks\": []}"), 0o600)
			case "other collection":
				o, _ := Open(state, "/srv/other")
				o.Apply(Op{Kind: MarkRead, Key: 1})
				r, _ := o.Paths()
				os.Rename(r, read)
			case "fifo":
				if err := syscall.Mkfifo(read, 0o600); err != nil {
					t.Skip(err)
				}
			case "zero":
				os.Symlink("/dev/zero", read)
			}
			_, err := s.Load()
			var ue *statefile.UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("Load: %v, want an UnreadableError", err)
			}
			asides, err := s.Apply(Op{Kind: MarkRead, Key: KeyOf("a.txt")})
			if err != nil || len(asides) != 1 || asides[0] != read+".unreadable-20261202T230000Z" {
				t.Fatalf("Apply: %v, %v", asides, err)
			}
			if _, err := os.Lstat(asides[0]); err != nil {
				t.Errorf("nothing set aside: %v", err)
			}
			if st := load(t, s); !st.IsRead("a.txt") {
				t.Error("the new file lost the op")
			}
		})
	}
}

func TestSetAsideOnLoad(t *testing.T) {
	state := t.TempDir()
	s := open(t, state)
	s.Apply(Op{Kind: SetPosition, Key: 5, Pos: Position{1, 2}})
	read, _ := s.Paths()
	os.WriteFile(read, []byte("NBREAD1\nxx"), 0o600)
	st, err := s.Load()
	if err == nil {
		t.Fatal("no error for a broken read log")
	}
	if k, ok := st.Last(); !ok || k != 5 {
		t.Error("the positions were not loaded beside the broken read log")
	}
	asides, err := s.SetAside()
	if err != nil || len(asides) != 1 || !strings.HasPrefix(asides[0], read+".unreadable-") {
		t.Fatalf("SetAside = %v, %v", asides, err)
	}
	if _, err := s.Load(); err != nil {
		t.Errorf("after SetAside: %v", err)
	}
}

// Only the newest MaxPositions positions are kept, on disk and in memory.
func TestPositionsBounded(t *testing.T) {
	state := t.TempDir()
	s := open(t, state)
	n := 3*MaxPositions + 10
	for i := 0; i < n; i += 100 {
		var ops []Op
		for j := i; j < min(n, i+100); j++ {
			ops = append(ops, Op{Kind: SetPosition, Key: Key(j), Pos: Position{j, 1}})
		}
		if _, err := s.Apply(ops...); err != nil {
			t.Fatal(err)
		}
	}
	_, pos := s.Paths()
	fi, _ := os.Stat(pos)
	if recs := fi.Size() / posRec; recs > maxPosLog+1 {
		t.Errorf("positions log holds %d records", recs)
	}
	st := load(t, s)
	if len(st.pos) != MaxPositions {
		t.Errorf("%d positions kept, want %d", len(st.pos), MaxPositions)
	}
	if _, ok := st.pos[Key(n-MaxPositions-1)]; ok {
		t.Error("an old position survived")
	}
	if p, ok := st.pos[Key(n-MaxPositions)]; !ok || p.Para != n-MaxPositions {
		t.Error("a recent position was dropped")
	}
	if k, _ := st.Last(); k != Key(n-1) {
		t.Errorf("last = %d, want %d", k, n-1)
	}
	// reopening an older article makes it the newest
	st.Apply(Op{Kind: SetPosition, Key: Key(n - MaxPositions), Pos: Position{9, 9}})
	st.Apply(Op{Kind: SetPosition, Key: Key(n + 1)})
	if _, ok := st.pos[Key(n-MaxPositions)]; !ok {
		t.Error("the reopened article was dropped")
	}
}

// A read log that is mostly undone records is compacted when loaded.
func TestReadLogCompacted(t *testing.T) {
	state := t.TempDir()
	s := open(t, state)
	var ops []Op
	for i := range 3000 {
		ops = append(ops, Op{Kind: MarkRead, Key: Key(i % 10)}, Op{Kind: MarkUnread, Key: Key(i % 10)})
	}
	ops = append(ops, Op{Kind: MarkRead, Key: 7})
	s.Apply(ops...)
	load(t, s)
	read, _ := s.Paths()
	fi, _ := os.Stat(read)
	if fi.Size() > int64(len(header(readMagic, "/srv/news"))+readRec) {
		t.Errorf("read log of one article is %d bytes after a load", fi.Size())
	}
	if st := load(t, s); !st.IsReadKey(7) || st.ReadCount() != 1 {
		t.Error("compaction lost the state")
	}
}

// Compacting the read log keeps what another process appended after Load
// read the log and before it took the lock to compact it.
func TestReadLogCompactionKeepsOthersAppends(t *testing.T) {
	s := open(t, t.TempDir())
	var ops []Op
	for i := range 3000 {
		ops = append(ops, Op{Kind: MarkRead, Key: Key(i % 10)}, Op{Kind: MarkUnread, Key: Key(i % 10)})
	}
	if _, err := s.Apply(append(ops, Op{Kind: MarkRead, Key: 7})...); err != nil {
		t.Fatal(err)
	}
	recs, err := s.read.load() // what Load reads, without the lock
	if err != nil {
		t.Fatal(err)
	}
	if len(recs)/readRec <= 2*1+1024 {
		t.Fatalf("%d records: too few for Load to compact", len(recs)/readRec)
	}
	if _, err := s.Apply(Op{Kind: MarkRead, Key: 99}); err != nil { // another process
		t.Fatal(err)
	}
	if err := s.compactRead(); err != nil { // what Load does next
		t.Fatal(err)
	}
	if st := load(t, s); !st.IsReadKey(7) || !st.IsReadKey(99) || st.ReadCount() != 2 {
		t.Errorf("after compaction: 7 read %v, 99 read %v, %d read; want both, 2", st.IsReadKey(7), st.IsReadKey(99), st.ReadCount())
	}
}

// Whatever the files hold, Load neither panics nor reports a state it did
// not read; a file in the right format with any records loads.
func FuzzLoad(f *testing.F) {
	f.Add([]byte{}, []byte{})
	f.Add([]byte("r\x00\x00\x00\x00\x00\x00\x00\x01u\x00\x00\x00\x00\x00\x00\x00\x01"), []byte("\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x01\x00\x00\x00\x02"))
	f.Add([]byte("x\xff\xff\xff\xff\xff\xff\xff\xffr1"), []byte("\xff"))
	f.Fuzz(func(t *testing.T, read, pos []byte) {
		state := t.TempDir()
		s := open(t, state)
		rp, pp := s.Paths()
		os.WriteFile(rp, append(header(readMagic, "/srv/news"), read...), 0o600)
		os.WriteFile(pp, append(header(posMagic, "/srv/news"), pos...), 0o600)
		st, err := s.Load()
		if err != nil || st == nil {
			t.Fatalf("Load = %v, %v", st, err)
		}
		if st.ReadCount() > len(read)/readRec || len(st.pos) > len(pos)/posRec {
			t.Fatalf("%d read, %d positions from %d and %d bytes", st.ReadCount(), len(st.pos), len(read), len(pos))
		}
		os.WriteFile(rp, read, 0o600) // no header: set aside, never an error-free load
		if _, err := s.Load(); err == nil && len(read) > 0 {
			t.Fatal("a file without the header loaded")
		}
	})
}
