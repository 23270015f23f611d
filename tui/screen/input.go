package screen

import (
	"io"
	"os"
	"sync"
)

// input is the terminal as Bubble Tea reads keys from it. A read that ends
// (the terminal was closed, and a hangup did not end the process, as under
// nohup) or fails calls gone once: Bubble Tea would stop reading keys and
// wait for them forever.
type input struct {
	*os.File
	once sync.Once
	gone func() // set before the program starts reading
}

func (in *input) Read(b []byte) (int, error) {
	n, err := in.File.Read(b)
	if n == 0 && err != nil && in.gone != nil {
		in.once.Do(in.gone)
	}
	return n, err
}

// file is the terminal device under r when r is the input of a session:
// a child program must get the device itself, not a pipe fed from it.
func file(r io.Reader) io.Reader {
	if in, ok := r.(*input); ok {
		return in.File
	}
	return r
}
