// Package screen draws a Bubble Tea program on a real terminal in place of
// Bubble Tea's renderer, sending only what changed between two frames.
//
// Bubble Tea's renderer repaints every row that holds a wide (CJK)
// character on every frame, so scrolling a Chinese article by one line
// costs a screenful of bytes. Run turns that renderer off and paints the
// views with a Painter instead: a block of rows that moved is scrolled by
// the terminal (DECSTBM with SU or SD), and each changed row is rewritten
// only between its first and its last changed column, stepping over runs
// of blanks that land on blank cells. An unchanged frame sends nothing.
//
// Run also does what Bubble Tea leaves undone without its renderer: raw
// mode, the alternate screen, the initial size and resizes. A program run
// by Run hands the terminal to other programs with Exec.
package screen
