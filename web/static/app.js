// Progressive enhancement only: every control also works with its form's submit button.
document.addEventListener("change", (event) => {
  const control = event.target;
  if (control instanceof HTMLSelectElement && control.hasAttribute("data-autosubmit") && control.form) {
    control.form.requestSubmit();
  }
});
