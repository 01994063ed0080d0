//! A dismissible bar saying which link parameters were ignored, so a bad link is never silent;
//! a linked county is checked once the county layer arrives, and noticed here when dropped.

use atlas_core::Msg;
use atlas_core::view::url_state::Notice;
use leptos::prelude::*;

use crate::state::context::use_atlas;

/// Shows the notices while there are any.
#[component]
pub fn NoticeBar(notices: RwSignal<Vec<Notice>>) -> impl IntoView {
    let atlas = use_atlas();
    crate::state::url_sync::check_linked_county(&atlas, notices);
    move || {
        let lang = atlas.lang();
        let items = notices.get();
        (!items.is_empty()).then(|| {
            view! {
                <div class="notice-bar" role="status">
                    <ul>
                        {items
                            .iter()
                            .map(|n| view! { <li>{n.describe(lang)}</li> })
                            .collect_view()}
                    </ul>
                    <button type="button" class="close" on:click=move |_| notices.set(Vec::new())>
                        {lang.text(Msg::Close)}
                    </button>
                </div>
            }
        })
    }
}
