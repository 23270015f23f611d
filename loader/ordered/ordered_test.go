package ordered

import (
	"context"
	"runtime"
	"strconv"
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

// TestRunReusesBatches checks that the slices of the batches are reused
// once emitted: a run allocates as much for 200,000 items as for 2,000.
func TestRunReusesBatches(t *testing.T) {
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(5, func() {
			Run(context.Background(), n, 2, MaxBatch, func() func(int) int {
				return func(i int) int { return i }
			}, func(int, int) {})
		})
	}
	small, large := allocs(2000), allocs(200000)
	if large > small+10 {
		t.Errorf("%v allocations for 200,000 items, %v for 2,000: the batches are not reused", large, small)
	}
}

// item is a result that holds pointers, as grep.Result does.
type item struct {
	i    int
	s    string
	p    *int
	tail [3]int
}

func newItem(i int) item {
	return item{i: i, s: strconv.Itoa(i), p: &i, tail: [3]int{i, -i, i * 7}}
}

// TestRunReusedBatchesIntact checks that the results emitted are those
// the jobs returned, and stay so once their batch's slice is reused for
// later ones.
func TestRunReusedBatchesIntact(t *testing.T) {
	for _, workers := range []int{1, 2, 5} {
		const n = 20000
		var got []item
		Run(context.Background(), n, workers, MaxBatch, func() func(int) item {
			return func(i int) item {
				if i%97 == 0 {
					runtime.Gosched()
				}
				return newItem(i)
			}
		}, func(i int, r item) {
			if want := newItem(i); r.i != i || r.s != want.s || *r.p != i || r.tail != want.tail {
				t.Fatalf("workers %d: item %d emitted as %+v", workers, i, r)
			}
			got = append(got, r)
		})
		if len(got) != n {
			t.Fatalf("workers %d: %d results, want %d", workers, len(got), n)
		}
		for i, r := range got {
			if want := newItem(i); r.i != i || r.s != want.s || *r.p != i || r.tail != want.tail {
				t.Fatalf("workers %d: item %d changed to %+v after it was emitted", workers, i, r)
			}
		}
	}
}

func TestSlices(t *testing.T) {
	s := NewSlices[*int](2, 8)
	a := s.Get()
	if len(a) != 0 || cap(a) != 8 {
		t.Fatalf("a fresh slice of length %d, capacity %d", len(a), cap(a))
	}
	one := 1
	a = append(a, &one, &one, &one)
	s.Put(a)
	b := s.Get()
	if len(b) != 0 || &b[:1][0] != &a[0] {
		t.Fatalf("the slice given back was not lent again")
	}
	for i, p := range b[:cap(b)] {
		if p != nil {
			t.Fatalf("element %d still points to %d once given back", i, *p)
		}
	}
	// no more than 2 are kept
	x, y, z := s.Get(), s.Get(), s.Get()
	s.Put(x)
	s.Put(y)
	s.Put(z)
	kept := map[**int]bool{&x[:1][0]: true, &y[:1][0]: true}
	for range 2 {
		if g := s.Get(); !kept[&g[:1][0]] {
			t.Fatalf("not one of the first two given back")
		}
	}
	if g := s.Get(); &g[:1][0] == &z[:1][0] {
		t.Fatalf("a third slice was kept")
	}
	var zero Slices[int]
	zero.Put(zero.Get())
	if g := zero.Get(); g == nil || len(g) != 0 {
		t.Fatalf("the zero Slices lent %v", g)
	}
}
