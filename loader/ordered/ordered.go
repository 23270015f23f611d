// Package ordered runs one job per item on several goroutines and hands
// the results back in the order of the items, with a bounded number of
// results in flight: what a search or an export of a collection needs to
// stream in list order on all cores.
package ordered

import (
	"context"
	"sync"
)

// WindowPerWorker bounds how far ahead of the next result to emit the
// workers may run; it sizes the reorder buffer.
const WindowPerWorker = 4

// Run calls job for every index 0 ≤ i < n, on workers goroutines, and emit
// with each result, from the calling goroutine and in the order of i. Each
// worker gets its own job from newJob, so that it can keep state (a read
// buffer) from one item to the next without locks. At most
// WindowPerWorker×workers items are in flight or waiting to be emitted, so
// the memory does not grow with n.
//
// Run returns when every result has been emitted, or soon after ctx is
// done: it then stops emitting at once, starts no further job and returns
// as soon as the jobs already running are done, leaving no goroutine
// behind.
func Run[T any](ctx context.Context, n, workers int, newJob func() func(i int) T, emit func(i int, r T)) {
	if n <= 0 {
		return
	}
	workers = max(1, min(workers, n))
	window := min(WindowPerWorker*workers, n)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		i int
		r T
	}
	// tokens bounds the items dispatched but not yet emitted; results
	// can hold all of them, so a worker never blocks on sending.
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	results := make(chan result, window)

	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		job := newJob()
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					return
				}
				results <- result{i, job(i)}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	// Whatever happens, wait for the workers before returning.
	defer func() {
		cancel()
		for range results {
		}
	}()

	ring := make([]T, window)
	ready := make([]bool, window)
	var zero T
	for next := 0; next < n; {
		select {
		case <-ctx.Done():
			return
		case r, ok := <-results:
			if !ok {
				return
			}
			ring[r.i%window], ready[r.i%window] = r.r, true
		}
		for ready[next%window] {
			if ctx.Err() != nil {
				return
			}
			slot := next % window
			r := ring[slot]
			ring[slot], ready[slot] = zero, false
			emit(next, r)
			<-tokens
			next++
			if next == n {
				break
			}
		}
	}
}
