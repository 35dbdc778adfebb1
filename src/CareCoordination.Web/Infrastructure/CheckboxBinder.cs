using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// Binds a yes/no field. A browser sends "true" and/or "false"; anything else is refused with a message next to the
/// box, and remembered as "false" so the page can be shown again (the framework's checkbox cannot redisplay other text).
/// </summary>
public sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        if (bool.TryParse(sent.FirstValue, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, sent);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(bool.FalseString));
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Tick the box or leave it clear.");
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

/// <summary>Uses <see cref="CheckboxBinder"/> for every <see cref="bool"/> a form binds.</summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(bool) ? new CheckboxBinder() : null;
    }
}
