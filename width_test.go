package main

import (
	"runtime"
	"testing"
)

// The width condition is made without a table of its own: runewidth's
// shared lookup table already answers for StrictEmojiNeutral, and building
// a per-condition one (557 KB, every rune measured) delayed every start.
func TestWidthConditionBuildsNoTable(t *testing.T) {
	for _, flag := range []string{"narrow", "wide"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		c := widthCondition(flag)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
			t.Errorf("--ambiguous %s: %d bytes allocated to make the condition", flag, n)
		}
		if w := c.RuneWidth('“'); w != map[string]int{"narrow": 1, "wide": 2}[flag] {
			t.Errorf("--ambiguous %s: “ is %d columns", flag, w)
		}
		if w := c.RuneWidth('中'); w != 2 {
			t.Errorf("--ambiguous %s: 中 is %d columns", flag, w)
		}
	}
}
