//! mdbook-hugo: an mdBook preprocessor that reads Hugo posts.
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod escape;
pub mod front_matter;
pub mod post;
pub mod render;
pub mod scan;
