using Gslts.Silo.Hosting;

return await GsltsApp.RunAsync(args);
