// Reloads the page after every successful rebuild (npm start watches the components).
const script = document.querySelector('script[data-build-id]');
const servedBuild = Number(script.dataset.buildId);
const events = new EventSource('/__preview/events');
events.addEventListener('build', (event) => {
    const build = JSON.parse(event.data);
    if (build.buildId !== servedBuild) {
        window.location.reload();
    }
});
