package listnav_test

import (
	"fmt"

	"newsbrowse/tui/listnav"
)

// A list of 10 rows on a screen of 4: the screen scrolls only when the
// cursor would leave it, and neither goes past the ends of the list.
func ExampleMove() {
	cursor, offset := 0, 0
	for _, n := range []int{1, 3, 4, 100, -2, -5, -100} {
		cursor, offset = listnav.Move(cursor, offset, n, 10, 4)
		fmt.Printf("move %4d: cursor %d, rows %d–%d on screen\n", n, cursor, offset, offset+3)
	}
	// Output:
	// move    1: cursor 1, rows 0–3 on screen
	// move    3: cursor 4, rows 1–4 on screen
	// move    4: cursor 8, rows 5–8 on screen
	// move  100: cursor 9, rows 6–9 on screen
	// move   -2: cursor 7, rows 6–9 on screen
	// move   -5: cursor 2, rows 2–5 on screen
	// move -100: cursor 0, rows 0–3 on screen
}

// After the screen grew, Show keeps the rows on screen where they were
// unless the end of the list would leave blank rows.
func ExampleShow() {
	fmt.Println(listnav.Show(9, 6, 10, 4)) // the last rows, as they were
	fmt.Println(listnav.Show(9, 6, 10, 6)) // taller: two more rows above
	fmt.Println(listnav.Show(2, 0, 3, 6))  // a list shorter than the screen
	// Output:
	// 6
	// 4
	// 0
}
