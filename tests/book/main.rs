//! End-to-end tests: the real book and small fixture books built through mdBook with the real
//! preprocessor binary, the HTML inspected. One test binary, a module per feature.

mod http;
mod support;

mod browser;
mod build;
mod fidelity;
mod hugo;
mod manifests;
mod pages;
mod serve;
mod shortcodes;
mod site;
