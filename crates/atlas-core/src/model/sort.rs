//! One stable sort for the whole wasm: every sort in the core and the app goes through here.
//!
//! Why: the standard library's sorts are generic over the element and the comparator, so each
//! `sort_by` with its own closure type gets its own copy of the whole merge sort (several KB of
//! wasm each; issue 19 measured 13 copies, 11 KB gzip). Here the standard sort is instantiated
//! once, on a list of positions with one `dyn` comparator; what is generic per caller is only a
//! few lines that compare two elements and swap two positions.
//!
//! The order is the standard stable sort's: equal elements keep their order.
//!
//! For the same reason, sets and maps are collected by [`CollectByInsert`]: the standard
//! `collect` into a `BTreeSet` or `BTreeMap` sorts its items first, one more copy of the sort
//! (and of a bulk builder) per element type.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stably (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` by the key `key` gives each, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order, stably (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` (on positions) puts them, equal ones in their
/// first order: the one place the standard sort is instantiated.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the element at `order[k]` to position `k` for every `k`, by swaps along each cycle of
/// the permutation (no element is cloned).
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // A position whose element has arrived points at itself, so its cycle is not walked again.
            order[at] = at;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

/// Collects an iterator into a `BTreeSet` or `BTreeMap` by inserting each item, which needs no
/// sort (the standard `collect` sorts first); the result is the same, the last value winning for
/// a repeated key.
pub trait CollectByInsert: Iterator + Sized {
    /// The items as a set.
    fn into_set(self) -> BTreeSet<Self::Item>
    where
        Self::Item: Ord,
    {
        let mut set = BTreeSet::new();
        set.extend(self);
        set
    }

    /// The key–value pairs as a map.
    fn into_map<K: Ord, V>(self) -> BTreeMap<K, V>
    where
        Self: Iterator<Item = (K, V)>,
    {
        let mut map = BTreeMap::new();
        map.extend(self);
        map
    }
}

impl<I: Iterator> CollectByInsert for I {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut ours = vec![5, 3, 9, 1, 3, 7, 0, 2, 8, 6, 4, 1];
        let mut standard = ours.clone();
        sort(&mut ours);
        standard.sort();
        assert_eq!(ours, standard);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by_key(&mut items, |&(key, _)| key);
        assert_eq!(
            items,
            [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
    }

    #[test]
    fn an_empty_and_a_single_list_stay_as_they_are() {
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["only".to_string()];
        sort(&mut one);
        assert_eq!(one, ["only"]);
    }

    #[test]
    fn all_equal_elements_keep_their_order() {
        let mut items: Vec<(u8, usize)> = (0..40).map(|i| (7, i)).collect();
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert!(items.iter().enumerate().all(|(i, item)| item.1 == i));
    }

    #[test]
    fn moves_elements_that_cannot_be_copied() {
        let mut names: Vec<String> = ["南京", "无锡", "苏州", "常州", "徐州"]
            .map(String::from)
            .into();
        let mut standard = names.clone();
        sort_by(&mut names, |a, b| b.cmp(a));
        standard.sort_by(|a, b| b.cmp(a));
        assert_eq!(names, standard);
    }

    #[test]
    fn every_permutation_of_four_sorts_stably() {
        // Every arrangement of four keys with repeats, each tagged with its first position.
        for code in 0..256u32 {
            let keys: Vec<u32> = (0..4).map(|i| (code >> (2 * i)) & 3).collect();
            let mut ours: Vec<(u32, usize)> = keys.iter().copied().zip(0..).collect();
            let mut standard = ours.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            standard.sort_by_key(|&(key, _)| key);
            assert_eq!(ours, standard, "keys {keys:?}");
        }
    }

    #[test]
    fn sets_and_maps_collected_by_insert_equal_the_standard_collect() {
        let words = ["苏州", "南京", "苏州", "无锡", "南京"];
        let set = words.iter().copied().into_set();
        assert_eq!(set, words.iter().copied().collect::<BTreeSet<_>>());
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        let map = pairs.iter().copied().into_map();
        assert_eq!(map, pairs.iter().copied().collect::<BTreeMap<_, _>>());
        assert_eq!(map["b"], 3, "the last value for a repeated key wins");
    }
}
