package serve

import (
	"runtime"
	"testing"
)

// A session's width measure is made without a table of its own (557 KB,
// every rune measured, about 7 ms before each session's first frame).
func TestSessionConditionBuildsNoTable(t *testing.T) {
	for _, wide := range []bool{false, true} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c := newCondition(wide)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
			t.Errorf("wide %v: %d bytes allocated to make the condition", wide, n)
		}
		want := map[bool]int{false: 1, true: 2}[wide]
		if w := c.RuneWidth('“'); w != want {
			t.Errorf("wide %v: “ is %d columns, want %d", wide, w, want)
		}
		if w := c.RuneWidth('中'); w != 2 {
			t.Errorf("wide %v: 中 is %d columns", wide, w)
		}
	}
}
