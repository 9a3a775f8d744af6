//! Hugo shortcodes in a page body: the calls a body holds ([`call`]). Rendering the calls is not
//! here.

pub mod call;
