package grep

import (
	"context"
	"maps"
	"strings"
	"testing"
	"testing/synctest"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
)

// searchAll returns the results of Search for entries, by RelPath.
func searchAll(t *testing.T, fsys *slowFS, entries []loader.Entry, q string) map[string]Result {
	all := map[string]Result{}
	Search(context.Background(), fsys, entries, match.Compile(q, true), narrow, 3, func(r Result) {
		r.Index = -1
		all[r.Entry.RelPath] = r
	})
	if len(all) != len(entries) {
		t.Fatalf("Search gave %d results for %d entries", len(all), len(entries))
	}
	return all
}

// SearchUnordered gives, for batches of any size arriving over time, the
// results Search gives.
func TestSearchUnorderedSameAsSearch(t *testing.T) {
	base, entries := manyArticles(150)
	for _, q := range []string{"新闻", "另有", "没有的词"} {
		want := searchAll(t, newSlowFS(base, func(string) bool { return false }), entries, q)
		for _, size := range []int{1, 7, 100, 150} {
			in := make(chan Batch)
			go func() {
				defer close(in)
				for rest := entries; len(rest) > 0; {
					n := min(size, len(rest))
					in <- Batch{FS: base, Entries: rest[:n]}
					rest = rest[n:]
				}
			}()
			got := map[string]Result{}
			SearchUnordered(context.Background(), in, match.Compile(q, true), narrow, 3, BinaryIsError, func(r Result) {
				if _, twice := got[r.Entry.RelPath]; twice {
					t.Errorf("%q: %q emitted twice", q, r.Entry.RelPath)
				}
				got[r.Entry.RelPath] = r
			})
			if !maps.Equal(got, want) {
				t.Errorf("%q in batches of %d: %d results differ from Search's %d", q, size, len(got), len(want))
			}
		}
	}
}

// Cancelled, SearchUnordered emits nothing more, reads no further file,
// still takes every batch sent and leaves no goroutine behind.
func TestSearchUnorderedCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		base, entries := manyArticles(400)
		fsys := newSlowFS(base, func(string) bool { return true })
		defer fsys.releaser()()
		ctx, cancel := context.WithCancel(context.Background())
		in := make(chan Batch)
		sent := make(chan int)
		go func() {
			defer close(in)
			n := 0
			for i := 0; i < len(entries); i += 10 {
				in <- Batch{FS: fsys, Entries: entries[i : i+10]}
				n++
			}
			sent <- n
		}()
		emitted := 0
		done := make(chan struct{})
		go func() {
			defer close(done)
			SearchUnordered(ctx, in, match.Compile("新闻", true), narrow, 4, BinaryIsError, func(Result) {
				emitted++
				if emitted == 5 {
					cancel()
				}
			})
		}()
		if n := <-sent; n != 40 {
			t.Errorf("%d batches taken, want 40", n)
		}
		<-done
		if emitted != 5 {
			t.Errorf("emitted %d results, want 5 (none after cancel)", emitted)
		}
		read := fsys.nOpen.Load()
		if read > 5+4*chunk+4 {
			t.Errorf("%d files read after cancelling at the 5th", read)
		}
	})
}

// SearchKnown takes a known result rather than reading the file again,
// unless the entry it was found for is not the entry of the list, or an
// equal one made elsewhere.
func TestSearchKnown(t *testing.T) {
	base, entries := manyArticles(60)
	want := searchAll(t, newSlowFS(base, func(string) bool { return false }), entries, "新闻")
	var known Known
	for i, e := range entries {
		if i%2 == 0 && i != 4 {
			known.Add(want[e.RelPath])
		}
	}
	stale := entries[1]
	stale.Title = "别的标题"
	known.Add(Result{Entry: stale, Count: 99})
	elsewhere := want[entries[4].RelPath] // equal, but not the same bytes
	elsewhere.Entry.RelPath = strings.Clone(elsewhere.Entry.RelPath)
	known.Add(elsewhere)
	fsys := newSlowFS(base, func(string) bool { return false })
	next := 0
	SearchKnown(context.Background(), fsys, entries, &known, match.Compile("新闻", true), narrow, 3, BinaryIsError, func(r Result) {
		if r.Index != next {
			t.Fatalf("result %d has Index %d", next, r.Index)
		}
		next++
		r.Index = -1
		if r != want[r.Entry.RelPath] {
			t.Errorf("%q: got %+v, want %+v", r.Entry.RelPath, r, want[r.Entry.RelPath])
		}
	})
	if next != len(entries) {
		t.Fatalf("%d results for %d entries", next, len(entries))
	}
	if read := fsys.nOpen.Load(); read != int64(len(entries)/2+1) {
		t.Errorf("%d files read, want %d (the others were known)", read, len(entries)/2+1)
	}
}
