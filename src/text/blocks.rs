//! Looking at text eight bytes at a time: a byte class tested on a whole
//! `u64` block at once, with no branch per byte.

/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The first eight bytes of `bytes` as a little-endian number, zero past
/// its end.
#[inline]
pub(crate) fn head(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(&chunk) => u64::from_le_bytes(chunk),
        // A copy of a length known only at run time is a call to `memcpy`,
        // dearer than the few shifts a short tail takes.
        None => short_head(bytes),
    }
}

/// [`head`] of fewer than eight bytes (more are cut off), a byte at a time.
#[inline]
pub(crate) fn short_head(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .take(8)
        .rev()
        .fold(0, |head, &b| head << 8 | u64::from(b))
}

/// The high bit of each byte of `block` that is ASCII and in `lo..=hi`.
#[inline]
pub(crate) fn ascii_in_range(block: u64, lo: u8, hi: u8) -> u64 {
    let low7 = block & !HIGH;
    // High bit set where a byte's low seven bits are >= `lo`, or > `hi`; no
    // sum carries into the next byte.
    let at_least = low7 + ONES * u64::from(0x80 - lo);
    let above = low7 + ONES * u64::from(0x7F - hi);
    at_least & !above & !block & HIGH
}

/// The high bit of each byte of `block` equal to `b`, and perhaps of some
/// after one that a borrow reaches: for where only whether a block holds
/// `b` matters, or where each flagged byte is looked at again: no lane is
/// flagged before the first equal one, and none in a block without one.
#[inline]
pub(crate) fn may_equal(block: u64, b: u8) -> u64 {
    let x = block ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The high bit of each byte of `block` equal to `b`, and of no other:
/// for where the first or last such byte matters.
#[inline]
pub(crate) fn equal_bytes(block: u64, b: u8) -> u64 {
    let x = block ^ (ONES * u64::from(b));
    // A byte's high bit is set after this sum when any of its bits are.
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// Whether `bytes` begins with `prefix`, compared a byte at a time: for
/// the short words of the lists, where a call to `memcmp` costs more than
/// the few bytes it compares.
#[inline]
pub(crate) fn starts_with_short(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes.iter().zip(prefix).all(|(a, b)| a == b)
}

/// Where the first 32-byte chunk at or after `from` (in steps of 32) that
/// holds a byte `may_stop` accepts begins, or where fewer than 33 bytes are
/// left. `may_stop` is given each byte of a chunk with the byte after it
/// (for the last, the first byte after the chunk) and asked with no branch
/// on its answers, so that the compiler compares the chunk as vectors.
#[inline]
pub(crate) fn skip_chunks(bytes: &[u8], from: usize, may_stop: impl Fn(u8, u8) -> bool) -> usize {
    let mut at = from;
    while let Some(window) = bytes.get(at..).and_then(|rest| rest.first_chunk::<33>()) {
        if (0..32).fold(false, |any, k| any | may_stop(window[k], window[k + 1])) {
            break;
        }
        at += 32;
    }
    at
}

/// The first byte at or after `from` that `marked` accepts. `flags` gives
/// for a block the high bit of at least every byte `marked` would accept
/// (of others too, if that is cheaper: each flagged byte is then asked),
/// so that blocks with none are passed over whole.
#[inline]
pub(crate) fn first_marked(
    bytes: &[u8],
    from: usize,
    flags: impl Fn(u64) -> u64,
    marked: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = from;
    while let Some(block) = bytes.get(at..at.saturating_add(8)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let mut hits = flags(u64::from_le_bytes(word));
        while hits != 0 {
            let lane = hits.trailing_zeros() as usize / 8;
            if marked(word[lane]) {
                return Some(at + lane);
            }
            hits &= hits - 1;
        }
        at += 8;
    }
    let offset = bytes.get(at..)?.iter().position(|&b| marked(b))?;
    Some(at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_range_test_agrees_with_the_byte_test() {
        let by_bytes = |block: u64, lo: u8, hi: u8| {
            (0..8).fold(0u64, |bits, lane| {
                let b = (block >> (8 * lane)) as u8;
                bits | u64::from((lo..=hi).contains(&b)) << (8 * lane + 7)
            })
        };
        for (lo, hi) in [(b'A', b'Z'), (b'0', b'9'), (0, 0x7F), (b'a', b'a')] {
            for filler in [b'#', b'Z', 0xFF] {
                for b in 0..=255u8 {
                    for lane in 0..8 {
                        let block = u64::from_le_bytes([filler; 8]) & !(0xFF << (8 * lane))
                            | u64::from(b) << (8 * lane);
                        assert_eq!(
                            ascii_in_range(block, lo, hi),
                            by_bytes(block, lo, hi),
                            "byte {b:#x} lane {lane} filler {filler:#x} range {lo:#x}..={hi:#x}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn short_prefixes_are_found_as_by_the_slice_test() {
        let texts: [&[u8]; 6] = [b"", b"a", b"ab", b"abc", b"abd", b"abcdefghijk"];
        for text in texts {
            for prefix in texts {
                assert_eq!(
                    starts_with_short(text, prefix),
                    text.starts_with(prefix),
                    "{text:?} {prefix:?}"
                );
            }
        }
    }

    #[test]
    fn heads_are_the_first_eight_bytes_and_zeros() {
        let bytes: Vec<u8> = (1..=12).collect();
        for len in 0..=12 {
            let mut expected = [0u8; 8];
            let n = len.min(8);
            expected[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(head(&bytes[..len]), u64::from_le_bytes(expected), "{len}");
            assert_eq!(
                short_head(&bytes[..len]),
                u64::from_le_bytes(expected),
                "{len}"
            );
        }
    }

    #[test]
    fn finds_the_first_marked_byte_in_blocks_and_the_tail() {
        let upper = |block: u64| ascii_in_range(block, b'A', b'Z');
        for len in 0..20 {
            for at in 0..len {
                let mut text = vec![b'x'; len];
                text[at] = b'Q';
                for from in 0..=len {
                    let expected = (from <= at).then_some(at);
                    assert_eq!(
                        first_marked(&text, from, upper, |b| b.is_ascii_uppercase()),
                        expected,
                        "len {len} at {at} from {from}"
                    );
                }
            }
        }
        assert_eq!(first_marked(b"abc", 9, upper, |_| true), None);
        // Flags that mark more than `marked` takes: the others are passed.
        let text = b"aQbQcQdQ eQ";
        assert_eq!(first_marked(text, 0, upper, |b| b == b' '), Some(8));
        assert_eq!(first_marked(text, 0, |_| HIGH, |b| b == b'e'), Some(9));
    }

    #[test]
    fn equal_bytes_are_flagged_and_none_before_the_first() {
        for b in 0..=255u8 {
            for other in [0u8, 1, b.wrapping_add(1), b.wrapping_sub(1), 0x80, 0xFF] {
                for lanes in [[3, 3], [0, 7], [2, 3], [8, 8]] {
                    let mut bytes = [other; 8];
                    for lane in lanes.into_iter().filter(|&l| l < 8) {
                        bytes[lane] = b;
                    }
                    let flags = may_equal(u64::from_le_bytes(bytes), b);
                    let flagged = |lane: usize| flags >> (8 * lane + 7) & 1 == 1;
                    let first = bytes.iter().position(|&x| x == b).unwrap_or(8);
                    for (lane, &x) in bytes.iter().enumerate() {
                        if x == b {
                            assert!(flagged(lane), "{b:#x} among {other:#x}, lane {lane}");
                        }
                        if lane < first {
                            assert!(!flagged(lane), "{b:#x} among {other:#x}, lane {lane}");
                        }
                    }
                    assert_eq!(flags & !HIGH, 0);
                }
            }
        }
    }
}
