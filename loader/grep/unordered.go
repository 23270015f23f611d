package grep

import (
	"context"
	"io/fs"
	"sync"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/loader/ordered"
)

// Batch is entries of the collection fsys to search.
type Batch struct {
	FS      fs.FS
	Entries []loader.Entry
}

// chunk is how many entries a worker of SearchUnordered takes at a time:
// the hand-off between goroutines is paid per chunk, not per file.
const chunk = 32

// SearchUnordered looks for m in every entry of the batches received from
// in, as Search does, using workers goroutines, while the batches still
// arrive: a search can run while the collection is being listed. It calls
// emit, from the calling goroutine and in no set order, with the result
// of each entry searched (Index is -1), reporting binary files as binary
// says; SearchKnown can then take them over.
//
// SearchUnordered returns when in is closed and every entry received is
// searched, or soon after ctx is done: it then reads no further file and
// emits nothing more, but still receives from in until it is closed, so
// that the sender never blocks.
func SearchUnordered(ctx context.Context, in <-chan Batch, m *match.Matcher, cond *runewidth.Condition, workers int, binary Binary, emit func(Result)) {
	raw := rawFilterFor(m, binary)
	work := make(chan Batch, 2*max(1, workers))
	go func() {
		defer close(work)
		for b := range in {
			for len(b.Entries) > 0 && ctx.Err() == nil && !m.Empty() {
				n := min(chunk, len(b.Entries))
				work <- Batch{b.FS, b.Entries[:n]}
				b.Entries = b.Entries[n:]
			}
		}
	}()
	out := make(chan []Result, 2*max(1, workers))
	// the slices of results go back to the workers once emitted: each
	// worker holds one, out up to 2 per worker, the emitter one
	slices := ordered.NewSlices[Result](4*max(1, workers), chunk)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			w := newWorker(raw)
			defer w.rd.Close()
			var found []Result
			for b := range work {
				if found == nil {
					found = slices.Get()
				}
				for _, e := range b.Entries {
					if ctx.Err() != nil {
						break
					}
					found = append(found, w.searchEntry(b.FS, -1, e, m, cond))
				}
				if len(found) > 0 {
					out <- found
					found = nil
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	for found := range out {
		for _, r := range found {
			if ctx.Err() != nil {
				break
			}
			emit(r)
		}
		slices.Put(found)
	}
}
