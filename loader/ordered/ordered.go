// Package ordered runs one job per item on several goroutines and hands
// the results back in the order of the items, with a bounded number of
// results in flight: what a search or an export of a collection needs to
// stream in list order on all cores.
package ordered

import (
	"context"
	"sync"
	"sync/atomic"
)

// WindowPerWorker is how many batches of items (see Batch) each worker
// may have claimed or left waiting to be emitted; it sizes the reorder
// buffer.
const WindowPerWorker = 4

// MaxBatch is a good most items a worker claims at once when results are
// small. Claiming items one by one costs a hand-off between goroutines per
// item, which for small files is as much as reading one; a batch spreads
// it over many. Results that may be large (a whole article) call for
// batches of 1, since up to Window items are held at a time.
const MaxBatch = 32

// Batch is the number of items a worker claims at once for n items on
// workers goroutines: enough batches that every worker has work until
// near the end, and at most maxBatch (at least 1).
func Batch(n, workers, maxBatch int) int {
	workers = max(1, workers)
	return max(1, min(maxBatch, n/(workers*WindowPerWorker*2)))
}

// Window is the most items Run may have started but not yet emitted for
// n items on workers goroutines in batches of at most maxBatch.
func Window(n, workers, maxBatch int) int {
	workers = max(1, min(workers, n))
	return WindowPerWorker * workers * Batch(n, workers, maxBatch)
}

// Run calls job for every index 0 ≤ i < n, on workers goroutines, and emit
// with each result, from the calling goroutine and in the order of i. Each
// worker gets its own job from newJob, so that it can keep state (a read
// buffer) from one item to the next without locks. Workers claim the
// items in batches of Batch(n, workers, maxBatch); at most
// Window(n, workers, maxBatch) items are in flight or waiting to be
// emitted, so the memory does not grow with n.
//
// Run returns when every result has been emitted, or soon after ctx is
// done: it then stops emitting at once, starts no further job and returns
// as soon as the jobs already running are done, leaving no goroutine
// behind.
func Run[T any](ctx context.Context, n, workers, maxBatch int, newJob func() func(i int) T, emit func(i int, r T)) {
	if n <= 0 {
		return
	}
	workers = max(1, min(workers, n))
	size := Batch(n, workers, maxBatch)
	batches := (n + size - 1) / size
	ring := min(WindowPerWorker*workers, batches)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// A batch b holds the items b·size up to (b+1)·size; once done it
	// waits in slot b%ring of the emitting goroutine. tokens bounds the
	// batches claimed but not yet emitted to ring: batches are claimed
	// in order, so a batch is never done while the one ring before it
	// waits in its slot, and done can hold every claimed batch, so a
	// worker never blocks on sending.
	type batch struct {
		b   int
		out []T
	}
	tokens := make(chan struct{}, ring)
	done := make(chan batch, ring)
	// Once emitted, a batch's slice goes back to the workers, to take
	// the results of a later batch: each slice not kept in free belongs
	// to a claimed batch, so there are never more than ring.
	free := NewSlices[T](ring, size)
	var claimed atomic.Int64

	var wg sync.WaitGroup
	for range workers {
		job := newJob()
		wg.Go(func() {
			for {
				select {
				case tokens <- struct{}{}:
				case <-ctx.Done():
					return
				}
				b := int(claimed.Add(1) - 1)
				if b >= batches {
					return
				}
				out := free.Get()
				for i := b * size; i < min(n, (b+1)*size); i++ {
					if ctx.Err() != nil {
						return
					}
					out = append(out, job(i))
				}
				done <- batch{b, out}
			}
		})
	}
	// Whatever happens, wait for the workers before returning.
	defer func() {
		cancel()
		wg.Wait()
	}()

	slots := make([][]T, ring) // nil: not done yet
	for next := 0; next < batches; {
		select {
		case <-ctx.Done():
			return
		case d := <-done:
			slots[d.b%ring] = d.out
		}
		for slots[next%ring] != nil {
			slot := next % ring
			for j, r := range slots[slot] {
				if ctx.Err() != nil {
					return
				}
				emit(next*size+j, r)
			}
			free.Put(slots[slot])
			slots[slot] = nil
			<-tokens
			next++
			if next == batches {
				break
			}
		}
	}
}
