// Package paging turns a vendor's "fetch one page" call into an
// iter.Seq2 over every item of a list.
//
// The sequences are lazy (no request before the first step of a range),
// hold one page in memory at a time, can be ranged again (each range
// starts over from the first page), stop fetching as soon as the loop
// breaks, and stop at the first error, which they yield once with the
// zero item. They never loop forever on a server that repeats a page or
// a cursor: that ends the range with an error matching ErrLoop.
package paging

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
)

// ErrLoop matches the error that ends a range because the server
// repeated a page or a cursor, or sent too many empty pages in a row.
var ErrLoop = errors.New("paging: the server is repeating itself")

// MaxEmptyPages is how many empty pages in a row a cursor sequence
// follows before it gives up. An empty page with a new cursor is not the
// end of a list (some vendors filter after paging), but an endless run of
// them is a loop.
const MaxEmptyPages = 100

// OffsetFetch fetches the page that starts at offset. count is the size
// of the whole list as the server reports it.
type OffsetFetch[T any] func(ctx context.Context, offset int) (items []T, count int, err error)

// Offset pages through an offset/limit list from offset start. The next
// offset is the previous one plus the number of items the server
// returned, so a server that caps the page size below the limit asked
// for loses nothing. The range ends at an empty page or when the offset
// reaches count.
//
// key, if not nil, identifies an item; a page that starts with the same
// item as the page before it means the server ignored the offset, and
// ends the range with ErrLoop instead of yielding the same items again.
func Offset[T any](ctx context.Context, start int, fetch OffsetFetch[T], key func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		offset := start
		prevFirst, havePrev := "", false
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, count, err := fetch(ctx, offset)
			if err != nil {
				yield(zero, err)
				return
			}
			if len(items) == 0 {
				return
			}
			if key != nil {
				first := key(items[0])
				if havePrev && first == prevFirst {
					yield(zero, fmt.Errorf("%w: the page at offset %d starts with the same item (%s) as the page before it", ErrLoop, offset, first))
					return
				}
				prevFirst, havePrev = first, true
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			offset += len(items)
			if offset >= count {
				return
			}
		}
	}
}

// CursorFetch fetches the page at cursor ("" for the first page) and
// returns its items and the cursor of the next page ("" at the end).
type CursorFetch[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// Cursor pages through a cursor-paged list from cursor start ("" for the
// beginning). The range ends when the server returns no next cursor; an
// empty page that carries one is followed. A cursor the server already
// sent in this range ends it with ErrLoop.
func Cursor[T any](ctx context.Context, start string, fetch CursorFetch[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		// Fingerprints rather than the cursors themselves keep the memory
		// of a long range small.
		seed := maphash.MakeSeed()
		seen := map[uint64]struct{}{}
		cursor, empties := start, 0
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			if len(items) == 0 {
				if empties++; empties >= MaxEmptyPages {
					yield(zero, fmt.Errorf("%w: %d empty pages in a row", ErrLoop, empties))
					return
				}
			} else {
				empties = 0
			}
			seen[maphash.String(seed, cursor)] = struct{}{}
			if _, again := seen[maphash.String(seed, next)]; again {
				yield(zero, fmt.Errorf("%w: next cursor %q was already followed", ErrLoop, next))
				return
			}
			cursor = next
		}
	}
}
