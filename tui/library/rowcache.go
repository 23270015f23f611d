package library

import (
	"sync"

	"github.com/mattn/go-runewidth"
)

// maxTails bounds the rows a tailCache holds: a few screens of a list
// scrolled far are dropped together and drawn again when they come back.
const maxTails = 1024

// tailCache keeps, for the entries on screen, the part of a row after its
// gutter (the title and folder columns, cut, padded and coloured): moving
// the cursor changes the gutters of two rows, so a frame draws the titles
// of the others once, not at every key. A cache holds rows of one list, in
// one set of styles (SetEntries, SetStyles and SetCond give the model a new
// one); it forgets them when the columns' widths change. The model's copies
// share it, hence the lock.
type tailCache struct {
	mu           sync.Mutex
	titleW, dirW int
	cond         *runewidth.Condition
	rows         map[int]string // by index into entries
}

func newTailCache() *tailCache { return &tailCache{} }

// get returns the tail of entry i drawn with these widths, drawing it
// with draw when the cache does not hold it.
func (c *tailCache) get(i, titleW, dirW int, cond *runewidth.Condition, draw func() string) string {
	if c == nil {
		return draw()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rows == nil || c.titleW != titleW || c.dirW != dirW || c.cond != cond || len(c.rows) >= maxTails {
		c.rows = make(map[int]string, 64)
		c.titleW, c.dirW, c.cond = titleW, dirW, cond
	}
	if s, ok := c.rows[i]; ok {
		return s
	}
	s := draw()
	c.rows[i] = s
	return s
}
