package ordered

// Slices lends out empty slices for batches of results and takes them
// back once their results are handed on, to lend them again: goroutines
// that pass results in slices then allocate about as many slices as are
// in flight at a time rather than one per batch. It is safe for
// concurrent use; its zero value lends fresh slices and keeps none.
type Slices[T any] struct {
	free chan []T
	size int
}

// NewSlices returns Slices that lend slices of capacity size and keep up
// to keep of those given back.
func NewSlices[T any](keep, size int) Slices[T] {
	return Slices[T]{free: make(chan []T, keep), size: size}
}

// Get returns an empty slice: one given back, or a fresh one.
func (s Slices[T]) Get() []T {
	select {
	case x := <-s.free:
		return x
	default:
		return make([]T, 0, s.size)
	}
}

// Put gives x back, when its results have been handed on (they are
// copied out of it: emitted by value). Its elements are cleared, so that
// it holds on to nothing they point to; it is dropped when enough are
// kept.
func (s Slices[T]) Put(x []T) {
	clear(x)
	select {
	case s.free <- x[:0]:
	default:
	}
}
