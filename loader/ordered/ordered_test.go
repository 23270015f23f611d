package ordered

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestRunOrderAndWindow(t *testing.T) {
	for _, maxBatch := range []int{1, 8} {
		testRunOrderAndWindow(t, maxBatch)
	}
	if w := Window(1000, 2, 1); w != WindowPerWorker*2 {
		t.Errorf("batches of 1: window %d, want %d", w, WindowPerWorker*2)
	}
}

func testRunOrderAndWindow(t *testing.T, maxBatch int) {
	for _, workers := range []int{1, 3, 8} {
		var started atomic.Int64
		newJobs := 0
		newJob := func() func(int) int {
			newJobs++
			return func(i int) int {
				started.Add(1)
				runtime.Gosched()
				return i * i
			}
		}
		next := 0
		Run(context.Background(), 100, workers, maxBatch, newJob, func(i, r int) {
			if i != next || r != i*i {
				t.Fatalf("workers %d: got (%d, %d), want (%d, %d)", workers, i, r, next, next*next)
			}
			if ahead := started.Load() - int64(i); ahead > int64(Window(100, workers, maxBatch)) {
				t.Errorf("workers %d: %d jobs ahead of emission", workers, ahead)
			}
			next++
		})
		if next != 100 {
			t.Errorf("workers %d: %d results emitted, want 100", workers, next)
		}
		if newJobs != workers {
			t.Errorf("workers %d: %d jobs made", workers, newJobs)
		}
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran atomic.Int64
	emitted := 0
	Run(ctx, 1000, 4, 8, func() func(int) int {
		return func(i int) int { ran.Add(1); return i }
	}, func(i, _ int) {
		emitted++
		if i == 9 {
			cancel()
		}
	})
	if emitted != 10 {
		t.Errorf("emitted %d results after cancelling at the 10th", emitted)
	}
	if n := ran.Load(); n > 10+int64(Window(1000, 4, 8)) {
		t.Errorf("%d jobs ran, at most %d expected", n, 10+Window(1000, 4, 8))
	}
}

func TestRunNothing(t *testing.T) {
	Run(context.Background(), 0, 4, 8, func() func(int) int {
		t.Error("a job was made for no items")
		return nil
	}, func(int, int) { t.Error("emit called for no items") })
}
