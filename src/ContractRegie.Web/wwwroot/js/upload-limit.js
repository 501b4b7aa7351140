// Tells that a file is too large as soon as it is chosen. The server refuses it too, without reading it, but a
// browser still sending a large file may lose that answer when the server closes the connection.
document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var message = document.getElementById(input.dataset.tooLarge);
    input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        var tooLarge = !!file && file.size > Number(input.dataset.maxBytes);
        input.setCustomValidity(tooLarge ? message.textContent : "");
        message.hidden = !tooLarge;
        var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== message.id; });
        if (tooLarge) {
            described.push(message.id);
            input.setAttribute("aria-invalid", "true");
        } else if (described.length === 0) {
            input.removeAttribute("aria-invalid");
        }
        if (described.length > 0) {
            input.setAttribute("aria-describedby", described.join(" "));
        } else {
            input.removeAttribute("aria-describedby");
        }
    });
});
