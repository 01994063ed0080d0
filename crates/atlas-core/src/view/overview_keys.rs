//! The overview's keyboard: the grid of small maps is one Tab stop (a roving focus), and keys
//! move the focus within it. The arrows go to the map beside, above or below in the grid as it is
//! drawn, Home and End to the first and last map, each keeping what had the focus (a map's title,
//! or the same city), so a city can be followed across the ten industries; Page Down and Page Up
//! step through one map's title and places.

/// Where the focus is in the grid: the map (in the plan's order) and the item in it (0 is the
/// map's title, then its places in the order they are drawn, the same in every map).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridFocus {
    /// The map's index.
    pub map: usize,
    /// The item's index within the map.
    pub item: usize,
}

/// The grid's shape: how many maps, drawn in how many columns, each with how many items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridShape {
    /// The number of maps.
    pub maps: usize,
    /// The columns they are drawn in (at least one is assumed).
    pub columns: usize,
    /// The items of each map (its title and places).
    pub items: usize,
}

/// Where `key` (a `KeyboardEvent.key` value) moves the focus from `at` in a grid of `shape`:
/// `Some` for a key the grid takes (at an edge, the focus stays where it is, and the key still
/// does nothing else, such as turning a slide), `None` for any other key.
pub fn grid_key(key: &str, shape: GridShape, at: GridFocus) -> Option<GridFocus> {
    let last_map = shape.maps.saturating_sub(1);
    let last_item = shape.items.saturating_sub(1);
    let columns = shape.columns.max(1);
    let to_map = |map: usize| GridFocus { map, item: at.item };
    let to_item = |item: usize| GridFocus { map: at.map, item };
    Some(match key {
        "ArrowLeft" => to_map(at.map.saturating_sub(1)),
        "ArrowRight" => to_map((at.map + 1).min(last_map)),
        "ArrowUp" => to_map(at.map.checked_sub(columns).unwrap_or(at.map)),
        "ArrowDown" => to_map(
            Some(at.map + columns)
                .filter(|m| *m <= last_map)
                .unwrap_or(at.map),
        ),
        "Home" => to_map(0),
        "End" => to_map(last_map),
        "PageDown" => to_item((at.item + 1).min(last_item)),
        "PageUp" => to_item(at.item.saturating_sub(1)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten maps 5 × 2, each with a title and 15 places.
    const FIVE_BY_TWO: GridShape = GridShape {
        maps: 10,
        columns: 5,
        items: 16,
    };

    fn at(map: usize, item: usize) -> GridFocus {
        GridFocus { map, item }
    }

    fn press(key: &str, shape: GridShape, from: GridFocus) -> Option<(usize, usize)> {
        grid_key(key, shape, from).map(|f| (f.map, f.item))
    }

    #[test]
    fn arrows_follow_the_grid_as_drawn_keeping_the_item() {
        assert_eq!(press("ArrowRight", FIVE_BY_TWO, at(0, 3)), Some((1, 3)));
        // Right from the end of a row goes on to the next row's first map.
        assert_eq!(press("ArrowRight", FIVE_BY_TWO, at(4, 0)), Some((5, 0)));
        assert_eq!(press("ArrowLeft", FIVE_BY_TWO, at(5, 0)), Some((4, 0)));
        assert_eq!(press("ArrowDown", FIVE_BY_TWO, at(2, 7)), Some((7, 7)));
        assert_eq!(press("ArrowUp", FIVE_BY_TWO, at(7, 7)), Some((2, 7)));
        assert_eq!(press("Home", FIVE_BY_TWO, at(6, 2)), Some((0, 2)));
        assert_eq!(press("End", FIVE_BY_TWO, at(1, 2)), Some((9, 2)));
    }

    #[test]
    fn at_an_edge_the_key_is_taken_and_the_focus_stays() {
        assert_eq!(press("ArrowLeft", FIVE_BY_TWO, at(0, 0)), Some((0, 0)));
        assert_eq!(press("ArrowRight", FIVE_BY_TWO, at(9, 1)), Some((9, 1)));
        assert_eq!(press("ArrowUp", FIVE_BY_TWO, at(3, 0)), Some((3, 0)));
        assert_eq!(press("ArrowDown", FIVE_BY_TWO, at(8, 0)), Some((8, 0)));
        // Three columns: the last row holds one map; down from a column without one stays.
        let three = GridShape {
            columns: 3,
            ..FIVE_BY_TWO
        };
        assert_eq!(press("ArrowDown", three, at(7, 0)), Some((7, 0)));
        assert_eq!(press("ArrowDown", three, at(6, 0)), Some((9, 0)));
        assert_eq!(press("PageUp", FIVE_BY_TWO, at(4, 0)), Some((4, 0)));
        assert_eq!(press("PageDown", FIVE_BY_TWO, at(4, 15)), Some((4, 15)));
    }

    #[test]
    fn page_keys_step_through_one_map_and_other_keys_are_not_the_grids() {
        assert_eq!(press("PageDown", FIVE_BY_TWO, at(4, 0)), Some((4, 1)));
        assert_eq!(press("PageUp", FIVE_BY_TWO, at(4, 2)), Some((4, 1)));
        for key in ["Enter", " ", "Tab", "Escape", "a"] {
            assert_eq!(press(key, FIVE_BY_TWO, at(4, 2)), None, "{key}");
        }
        // One column (a phone): up and down step one map.
        let one = GridShape {
            columns: 1,
            ..FIVE_BY_TWO
        };
        assert_eq!(press("ArrowDown", one, at(4, 0)), Some((5, 0)));
        assert_eq!(press("ArrowUp", one, at(4, 0)), Some((3, 0)));
    }
}
