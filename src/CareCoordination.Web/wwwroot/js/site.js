// Small behaviours, kept out of the pages so the content security policy can forbid inline script.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
