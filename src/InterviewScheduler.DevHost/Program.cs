using InterviewScheduler.DevHost;

await DevHostApplication.Create(args).RunAsync();
